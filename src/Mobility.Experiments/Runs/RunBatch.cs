namespace Mobility.Experiments.Runs;

using System.Diagnostics;
using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;

/// <summary>
/// Runs many independent simulations on the machine's cores. With at least as many jobs as threads, each run is
/// single-threaded and runs proceed side by side (the cheapest way to use cores: no synchronisation inside a run);
/// with fewer jobs, the threads are shared out among the runs. A run's result depends only on its job (world,
/// settings, seed), so a batch gives the same results for any thread count and any completion order.
/// </summary>
public static class RunBatch
{
    /// <summary>
    /// Runs the jobs and hands each result to <paramref name="completed"/> (job index, result) as soon as it is done,
    /// from a worker thread, one call at a time; results arrive in completion order, not index order.
    /// </summary>
    public static void Run(
        IReadOnlyList<RunJob> jobs,
        int threads,
        Action<int, RunResult> completed,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
        => Map(
            jobs.Count,
            threads,
            (index, threadsPerRun, ct) =>
            {
                RunJob job = jobs[index];
                var simulation = new Simulation(job.World, job.Settings, new SimulationOptions { Threads = threadsPerRun, Seed = job.Seed, ReportFrom = job.ReportFrom });
                return job.From is null ? simulation.Run(cancellationToken: ct) : simulation.Run(job.From, cancellationToken: ct);
            },
            completed,
            progress,
            cancellationToken);

    /// <summary>
    /// The batch mechanism for any work: <paramref name="count"/> items, each computed by <paramref name="work"/>
    /// (item index, threads it may use, cancellation) on the batch's workers and handed to <paramref name="completed"/>
    /// one call at a time, in completion order.
    /// </summary>
    public static void Map<T>(
        int count,
        int threads,
        Func<int, int, CancellationToken, T> work,
        Action<int, T> completed,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (count == 0)
        {
            return;
        }

        int workers = Math.Min(threads, count);
        int threadsPerRun = Math.Max(1, threads / workers);
        var clock = Stopwatch.StartNew();
        var gate = new Lock();
        int done = 0;
        int next = -1;

        void Work()
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int index = Interlocked.Increment(ref next);
                if (index >= count)
                {
                    return;
                }

                T result = work(index, threadsPerRun, cancellationToken);
                lock (gate)
                {
                    completed(index, result);
                    done++;
                    progress?.Report(new BatchProgress(done, count, clock.Elapsed));
                }
            }
        }

        var workerThreads = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            workerThreads[w] = Task.Factory.StartNew(Work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            Task.WaitAll(workerThreads);
        }
        catch (AggregateException ex)
        {
            // Report the first real failure; cancellation surfaces as OperationCanceledException.
            Exception first = ex.Flatten().InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException)
                ?? ex.Flatten().InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    /// <summary>Runs the jobs and returns their results in job order.</summary>
    public static RunResult[] RunAll(
        IReadOnlyList<RunJob> jobs, int threads, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new RunResult[jobs.Count];
        Run(jobs, threads, (i, r) => results[i] = r, progress, cancellationToken);
        return results;
    }
}
