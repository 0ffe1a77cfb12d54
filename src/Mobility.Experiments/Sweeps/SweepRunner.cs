namespace Mobility.Experiments.Sweeps;

using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Mobility.Engine.Measurement;
using Mobility.Experiments.Runs;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// Runs a set of a sweep's runs in parallel (<see cref="RunBatch"/>) and hands each finished run's kept
/// measurements to a callback. Settings are built once per distinct point (in parallel) and shared by its replicates.
/// </summary>
public static class SweepRunner
{
    /// <param name="plan">The sweep.</param>
    /// <param name="runs">The runs to do (e.g. a shard's, less those already done).</param>
    /// <param name="world">The world every run shares.</param>
    /// <param name="settingsOf">The settings of a point (its overrides applied to the base scenario).</param>
    /// <param name="threads">Cores to use.</param>
    /// <param name="completed">Called once per finished run, one call at a time, in completion order.</param>
    /// <param name="progress">Runs done out of <paramref name="runs"/>.</param>
    /// <param name="cancellationToken">Stops between years of the runs in flight.</param>
    /// <returns>How long building the points' settings took (before the runs start).</returns>
    public static TimeSpan Run(
        SweepPlan plan,
        IReadOnlyList<PlannedRun> runs,
        WorldData world,
        Func<int, ScenarioSettings> settingsOf,
        int threads,
        Action<PlannedRun, IReadOnlyList<MetricRecord>> completed,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
        => Run(plan, runs, world, settingsOf, threads, (_, result) => result.Metrics.Where(plan.Design.Keeps).ToArray(), completed, null, progress, cancellationToken);

    /// <summary>
    /// The same, keeping of each run what <paramref name="measure"/> takes from its result (e.g. the simulated
    /// counterparts of observations) instead of the design's metrics, and reporting spin-up years from
    /// <paramref name="reportFrom"/> on.
    /// </summary>
    public static TimeSpan Run(
        SweepPlan plan,
        IReadOnlyList<PlannedRun> runs,
        WorldData world,
        Func<int, ScenarioSettings> settingsOf,
        int threads,
        Func<PlannedRun, RunResult, IReadOnlyList<MetricRecord>> measure,
        Action<PlannedRun, IReadOnlyList<MetricRecord>> completed,
        int? reportFrom,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        // Settings are independent per point: build them on all cores (settingsOf must be thread-safe).
        var clock = Stopwatch.StartNew();
        int[] points = runs.Select(r => r.Point).Distinct().ToArray();
        var settings = new ScenarioSettings[points.Length];
        try
        {
            Parallel.For(
                0,
                points.Length,
                new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
                i => settings[i] = settingsOf(points[i]));
        }
        catch (AggregateException ex)
        {
            ExceptionDispatchInfo.Capture(ex.Flatten().InnerExceptions[0]).Throw();
        }

        var byPoint = new Dictionary<int, ScenarioSettings>(points.Length);
        for (int i = 0; i < points.Length; i++)
        {
            byPoint[points[i]] = settings[i];
        }

        var jobs = runs.Select(r => new RunJob(world, byPoint[r.Point], r.Seed) { ReportFrom = reportFrom }).ToArray();
        TimeSpan setup = clock.Elapsed;

        // Points that differ only in levers starting after the first years share those years (same numbers, less work).
        ForkedBatch.Run(
            jobs,
            threads,
            (index, result) => completed(runs[index], measure(runs[index], result)),
            progress,
            cancellationToken);
        return setup;
    }
}
