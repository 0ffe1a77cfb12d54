namespace Mobility.Engine.Numerics;

/// <summary>
/// Runs work over fixed-size chunks of an index range. Chunks are the unit of both scheduling and reduction:
/// each chunk writes its partial results into its own slot and slots are combined in chunk order, so sums are
/// bit-identical for any thread count. Passes with nothing to reduce by chunk (<see cref="Items"/>) are cut into
/// smaller pieces instead, which only spreads the work more evenly.
/// </summary>
/// <remarks>
/// The calling thread and up to Threads - 1 thread-pool helpers take chunks from a shared counter until none is
/// left. The helpers are work items allocated once, so a parallel pass allocates nothing but, for <see cref="Items"/>,
/// one delegate (Parallel.For allocates per range, i.e. per agent in the end). One pass at a time: passes are not
/// nested and the simulation issues them from one thread.
/// <para>
/// A helper, once its thread-pool thread runs it, stays on that thread, spinning, until no pass has offered it a
/// turn for <see cref="SpinWindowMicroseconds"/>: a pass that finds it spinning (or already queued) hands it the turn
/// directly instead of queueing a work item, so there is at most one waiting thread per helper.
/// Waking a pool thread took 0.7-0.9 ms on the 2-core VM, as long as a whole pass over admission's applicants, so
/// without this the short passes of a year ran on the calling thread alone (docs/performance.md, "Issue 15, fourth
/// round"). Which thread runs a chunk never changes a result.
/// </para>
/// </remarks>
public sealed class ChunkedParallel
{
    public const int ChunkSize = 16384;

    /// <summary>Items per piece of an <see cref="Items"/> pass.</summary>
    public const int ItemPiece = 2048;

    /// <summary>How long a helper waits, spinning, for the next pass before it gives its thread back to the pool.</summary>
    public const int SpinWindowMicroseconds = 2000;

    private static readonly long SpinWindowTicks = System.Diagnostics.Stopwatch.Frequency * SpinWindowMicroseconds / 1_000_000;

    private readonly Helper[] helpers;
    private readonly ManualResetEventSlim helpersDone = new(false);
    private Action<int, int, int>? body;
    private int count;
    /// <summary>Items per chunk (or piece) of the current pass.</summary>
    private int size = ChunkSize;
    private int chunks;
    private int next;
    private int running;
    private Exception? failure;

    public ChunkedParallel(int threads)
    {
        Threads = Math.Max(1, threads);
        helpers = new Helper[Threads - 1];
        for (int i = 0; i < helpers.Length; i++)
        {
            helpers[i] = new Helper(this);
        }
    }

    public int Threads { get; }

    public static int ChunkCount(int count) => PieceCount(count, ChunkSize);

    /// <summary>Calls <paramref name="body"/>(chunk, start, end) for every chunk of [0, count).</summary>
    public void For(int count, Action<int, int, int> body) => Run(count, ChunkSize, body);

    /// <summary>
    /// Calls <paramref name="range"/>(start, end) over pieces of [0, count) of <see cref="ItemPiece"/> items: for passes
    /// whose items are independent of one another (each writes only its own outputs, or adds exact counts), so that
    /// how the range is cut cannot change a result. The pieces are smaller than chunks, so a pass over a few
    /// thousand applicants still keeps every thread busy, and a pass ends with less work left on one thread.
    /// </summary>
    public void Items(int count, Action<int, int> range) => Run(count, ItemPiece, (_, start, end) => range(start, end));

    private static int PieceCount(int count, int size) => (count + size - 1) / size;

    private void Run(int count, int size, Action<int, int, int> body)
    {
        int chunkCount = PieceCount(count, size);
        if (Threads == 1 || chunkCount <= 1)
        {
            for (int c = 0; c < chunkCount; c++)
            {
                body(c, c * size, Math.Min(count, (c + 1) * size));
            }

            return;
        }

        this.body = body;
        this.count = count;
        this.size = size;
        chunks = chunkCount;
        next = -1;
        failure = null;
        int started = Math.Min(helpers.Length, chunkCount - 1);
        running = started;
        helpersDone.Reset();
        for (int h = 0; h < started; h++)
        {
            // A work item is queued only if no thread is queued or spinning for this helper already. The full fences of
            // the ticket's exchange and of the waiter's exchange here, and of the waiter's decrement and its last look
            // at the ticket when it leaves, make sure that one of the two sees the other: no turn is lost.
            Interlocked.Exchange(ref helpers[h].Ticket, 1);
            if (Interlocked.CompareExchange(ref helpers[h].Waiting, 1, 0) == 0)
            {
                ThreadPool.UnsafeQueueUserWorkItem(helpers[h], preferLocal: false);
            }
        }

        try
        {
            Work();
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref failure, ex, null);
            next = chunkCount;
        }

        // Helpers the pool has not started yet are taken back rather than waited for (a busy pool could take long).
        for (int h = 0; h < started; h++)
        {
            if (Interlocked.CompareExchange(ref helpers[h].Ticket, 0, 1) == 1 && Interlocked.Decrement(ref running) == 0)
            {
                helpersDone.Set();
            }
        }

        if (started > 0)
        {
            AwaitHelpers();
        }

        this.body = null;
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>
    /// Waits until every helper has left the pass: spinning for up to <see cref="SpinWindowMicroseconds"/>, since what is
    /// left is at most one chunk of the helper's, then in short sleeps. Blocking at once cost a wake-up of the calling
    /// thread (0.1-0.9 ms on the 2-core VM) at the end of most passes. The condition is the running count itself, so a
    /// late signal of an earlier pass cannot end the wait early.
    /// </summary>
    private void AwaitHelpers()
    {
        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinWindowTicks;
        var spinner = default(SpinWait);
        while (Volatile.Read(ref running) != 0)
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() < deadline)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
            else
            {
                helpersDone.Wait(1);
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="task"/>(t) for every t in [0, count), each task taken as one chunk: a few independent
    /// pieces of work (e.g. one array column each), in order of t when there is one thread.
    /// </summary>
    public void Tasks(int count, Action<int> task) => Run(count, 1, (t, _, _) => task(t));

    private void Work()
    {
        var action = body!;
        int c;
        while ((c = Interlocked.Increment(ref next)) < chunks)
        {
            action(c, c * size, Math.Min(count, (c + 1) * size));
        }
    }

    private sealed class Helper : IThreadPoolWorkItem
    {
        private readonly ChunkedParallel owner;

        public Helper(ChunkedParallel owner)
        {
            this.owner = owner;
        }

        /// <summary>1 while this helper's turn in the current pass is unclaimed; whoever swaps it to 0 accounts for it.</summary>
        public int Ticket;

        /// <summary>1 while a thread is queued or spinning for this helper's turns (then a pass queues no work item).</summary>
        public int Waiting;

        public void Execute()
        {
            // This thread is the helper's waiter (Waiting = 1) until it leaves below.
            while (true)
            {
                if (Claim())
                {
                    RunTurn();
                    continue;
                }

                if (SpinForTurn())
                {
                    continue;
                }

                Interlocked.Exchange(ref Waiting, 0);
                if (!Claim())
                {
                    return;
                }

                // A turn came as this thread left: take it, and stay the waiter unless a pass has queued a new one.
                bool stay = Interlocked.CompareExchange(ref Waiting, 1, 0) == 0;
                RunTurn();
                if (!stay)
                {
                    return;
                }
            }
        }

        /// <summary>Spins until a turn is offered (true) or none was for <see cref="SpinWindowMicroseconds"/> (false).</summary>
        private bool SpinForTurn()
        {
            long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinWindowTicks;
            for (int spins = 0; ; spins++)
            {
                if (Volatile.Read(ref Ticket) == 1)
                {
                    return true;
                }

                Thread.SpinWait(8);
                if ((spins & 63) == 63)
                {
                    if (System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
                    {
                        return false;
                    }

                    // On a busy machine, let a thread waiting for this core run.
                    Thread.Yield();
                }
            }
        }

        private bool Claim() => Interlocked.CompareExchange(ref Ticket, 0, 1) == 1;

        /// <summary>Works in the current pass after claiming this helper's turn in it.</summary>
        private void RunTurn()
        {
            try
            {
                owner.Work();
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref owner.failure, ex, null);
                owner.next = owner.chunks;
            }
            finally
            {
                if (Interlocked.Decrement(ref owner.running) == 0)
                {
                    owner.helpersDone.Set();
                }
            }
        }
    }
}
