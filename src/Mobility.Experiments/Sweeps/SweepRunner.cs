namespace Mobility.Experiments.Sweeps;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Runs;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// Runs a set of a sweep's runs in parallel (<see cref="RunBatch"/>) and hands each finished run's kept
/// measurements to a callback. Settings are built once per distinct point and shared by its replicates.
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
    public static void Run(
        SweepPlan plan,
        IReadOnlyList<PlannedRun> runs,
        WorldData world,
        Func<int, ScenarioSettings> settingsOf,
        int threads,
        Action<PlannedRun, IReadOnlyList<MetricRecord>> completed,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var settings = new Dictionary<int, ScenarioSettings>();
        var jobs = new RunJob[runs.Count];
        for (int i = 0; i < runs.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PlannedRun run = runs[i];
            if (!settings.TryGetValue(run.Point, out ScenarioSettings? s))
            {
                s = settingsOf(run.Point);
                settings[run.Point] = s;
            }

            jobs[i] = new RunJob(world, s, run.Seed);
        }

        RunBatch.Run(
            jobs,
            threads,
            (index, result) => completed(runs[index], result.Metrics.Where(plan.Design.Keeps).ToArray()),
            progress,
            cancellationToken);
    }
}
