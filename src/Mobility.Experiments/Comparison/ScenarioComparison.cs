namespace Mobility.Experiments.Comparison;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Runs;
using Mobility.Model.Metrics;

/// <summary>
/// Runs every scenario of a comparison <c>R</c> times, replication r of every scenario with the same seed (common
/// random numbers, so that the differences between scenarios are paired), all runs in one parallel batch. The years
/// the scenarios share (up to the year before the first lever that differs from the reference's) are simulated once
/// per replication and every scenario continues from that state (<see cref="ForkedBatch"/>): the numbers are those of
/// runs from the first year, bit for bit. Over a posterior (<see cref="ComparisonDraws"/>), replication r of every
/// scenario also runs with the same draw of the coefficients (each scenario's <see cref="ComparisonScenario.DrawSettings"/>),
/// R replications per draw.
/// </summary>
public static class ScenarioComparison
{
    public static ComparisonRuns Run(
        IReadOnlyList<ComparisonScenario> scenarios,
        int replications,
        ulong baseSeed,
        int threads,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default,
        ComparisonExecution? execution = null,
        ComparisonDraws? draws = null)
    {
        if (scenarios.Count == 0)
        {
            throw new ArgumentException("a comparison needs at least one scenario", nameof(scenarios));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 2);
        if (draws is not null && (draws.Replications != replications || scenarios.Any(s => s.DrawSettings?.Count != draws.Count)))
        {
            throw new ArgumentException("over a posterior, the replications are the draws times the replications per draw, and every scenario has settings per draw", nameof(draws));
        }

        ulong[] seeds = ReplicationSeeds.ForReplications(baseSeed, replications);

        // Replication-major order: the first runs to finish cover every scenario, so the time-left estimate is fair early on.
        var jobs = new List<RunJob>(scenarios.Count * replications);
        for (int r = 0; r < replications; r++)
        {
            foreach (ComparisonScenario scenario in scenarios)
            {
                // Compared scenarios share one world (ComparableScenarios checks their files): every run uses the reference's
                // copy, so that the runs of a replication are one group that can share its first years.
                jobs.Add(new RunJob(scenarios[0].World, scenario.SettingsFor(draws, r + 1), seeds[r]));
            }
        }

        int first = scenarios[0].Settings.Scenario.StartYear;
        int final = scenarios[0].Settings.Scenario.EndYear;
        int[] years = Enumerable.Range(first, final - first + 1).ToArray();
        var outcomes = scenarios.Select(_ => new ReplicationOutcome[replications]).ToArray();
        void Completed(int index, RunResult result)
        {
            int r = index / scenarios.Count, s = index % scenarios.Count;
            outcomes[s][r] = Keep(r + 1, seeds[r], result, years);
        }

        execution ??= new ComparisonExecution();
        if (execution.Fork)
        {
            ForkedBatch.Run(jobs, threads, Completed, progress, cancellationToken, execution.Cache);
        }
        else
        {
            RunBatch.Run(jobs, threads, Completed, progress, cancellationToken);
        }

        return new ComparisonRuns(scenarios, baseSeed, seeds, years, outcomes) { Draws = draws };
    }

    private static ReplicationOutcome Keep(int replicate, ulong seed, RunResult result, IReadOnlyList<int> years)
    {
        int final = years[^1];
        var flows = result.Flows.Where(f => f.Year == final && f.Kind == FlowKinds.Degree).ToArray();
        return new ReplicationOutcome(replicate, seed, DerivedMetrics.AddTo(result.Metrics), flows, years);
    }
}
