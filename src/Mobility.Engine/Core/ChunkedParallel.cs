namespace Mobility.Engine.Core;

/// <summary>
/// Runs work over fixed-size chunks of an index range. Chunks are the unit of both scheduling and reduction:
/// each chunk writes its partial results into its own slot and slots are combined in chunk order, so sums are
/// bit-identical for any thread count.
/// </summary>
public sealed class ChunkedParallel
{
    public const int ChunkSize = 16384;

    private readonly ParallelOptions options;

    public ChunkedParallel(int threads)
    {
        Threads = Math.Max(1, threads);
        options = new ParallelOptions { MaxDegreeOfParallelism = Threads };
    }

    public int Threads { get; }

    public static int ChunkCount(int count) => (count + ChunkSize - 1) / ChunkSize;

    /// <summary>Calls <paramref name="body"/>(chunk, start, end) for every chunk of [0, count).</summary>
    public void For(int count, Action<int, int, int> body)
    {
        int chunks = ChunkCount(count);
        if (Threads == 1 || chunks <= 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                body(c, c * ChunkSize, Math.Min(count, (c + 1) * ChunkSize));
            }

            return;
        }

        Parallel.For(0, chunks, options, c => body(c, c * ChunkSize, Math.Min(count, (c + 1) * ChunkSize)));
    }
}
