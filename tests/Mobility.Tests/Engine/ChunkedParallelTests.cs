namespace Mobility.Tests.Engine;

using Mobility.Engine.Numerics;

/// <summary>
/// A parallel pass calls its body once for every chunk, whichever thread takes it: the calling thread, a helper woken
/// from the thread pool, or a helper still spinning after the pass before; and it returns only when every chunk has ended.
/// </summary>
public sealed class ChunkedParallelTests
{
    // Passes of 1 to 9 chunks back to back, and after pauses shorter and longer than the helpers' spin window, so turns
    // are taken by spinning helpers, by queued ones and back by the caller.
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Every_chunk_of_every_pass_runs_exactly_once(int threads)
    {
        var parallel = new ChunkedParallel(threads);
        int[] pauses = [0, 0, 50, 0, 300, 0, 0, 3 * ChunkedParallel.SpinWindowMicroseconds, 0, 10];
        for (int pass = 0; pass < 400; pass++)
        {
            int count = ((pass % 9) * ChunkedParallel.ChunkSize) + (pass % 7);
            int chunks = ChunkedParallel.ChunkCount(count);
            var visits = new int[chunks];
            long covered = 0;
            parallel.For(count, (chunk, start, end) =>
            {
                // In some passes every chunk outlasts the helpers' spin window, so the caller waits, blocked, for the
                // helper's last chunk. A chunk counts itself at its end: a pass that returned before its last chunk
                // ended would fail the checks below.
                Pause(pass % 13 == 5 ? 3 * ChunkedParallel.SpinWindowMicroseconds / 2 : 2);
                Interlocked.Increment(ref visits[chunk]);
                Interlocked.Add(ref covered, end - start);
            });

            Assert.All(visits, v => Assert.Equal(1, v));
            Assert.Equal(count, covered);
            Pause(pauses[pass % pauses.Length]);
        }
    }

    // An item pass visits every item once, in pieces of ItemPiece items that start on a multiple of it; chunk passes
    // between item passes still get whole chunks (the pass's piece size does not leak into the next pass).
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Items_are_visited_once_in_small_pieces_and_chunk_passes_keep_their_chunks(int threads)
    {
        var parallel = new ChunkedParallel(threads);
        for (int pass = 0; pass < 60; pass++)
        {
            int count = (pass * 997) + (pass % 3 == 0 ? 5 * ChunkedParallel.ItemPiece : 0);
            var visits = new int[count];
            int badPieces = 0;
            parallel.Items(count, (start, end) =>
            {
                if (start % ChunkedParallel.ItemPiece != 0 || end - start > ChunkedParallel.ItemPiece || end <= start)
                {
                    Interlocked.Increment(ref badPieces);
                }

                for (int i = start; i < end; i++)
                {
                    Interlocked.Increment(ref visits[i]);
                }
            });
            Assert.Equal(0, badPieces);
            Assert.All(visits, v => Assert.Equal(1, v));

            int chunkCount = (3 * ChunkedParallel.ChunkSize) + pass;
            int badChunks = 0;
            long covered = 0;
            parallel.For(chunkCount, (chunk, start, end) =>
            {
                if (start != chunk * ChunkedParallel.ChunkSize || end != Math.Min(chunkCount, start + ChunkedParallel.ChunkSize))
                {
                    Interlocked.Increment(ref badChunks);
                }

                Interlocked.Add(ref covered, end - start);
            });
            Assert.Equal(0, badChunks);
            Assert.Equal(chunkCount, covered);
        }
    }

    // An exception in any chunk reaches the caller, and the next pass runs normally.
    [Fact]
    public void A_failing_chunk_throws_on_the_caller_and_the_next_pass_still_runs()
    {
        var parallel = new ChunkedParallel(2);
        for (int round = 0; round < 20; round++)
        {
            int failing = round % 4;
            var ex = Assert.Throws<InvalidOperationException>(() => parallel.For(4 * ChunkedParallel.ChunkSize, (chunk, _, _) =>
            {
                if (chunk == failing)
                {
                    throw new InvalidOperationException($"chunk {chunk}");
                }
            }));
            Assert.Equal($"chunk {failing}", ex.Message);

            long sum = 0;
            parallel.For(3 * ChunkedParallel.ChunkSize, (_, start, end) => Interlocked.Add(ref sum, end - start));
            Assert.Equal(3 * ChunkedParallel.ChunkSize, sum);
        }
    }

    private static void Pause(int microseconds)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed.TotalMicroseconds < microseconds)
        {
            Thread.SpinWait(20);
        }
    }
}
