namespace Mobility.Tests.Experiments;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Comparison;
using Mobility.Experiments.Runs;
using Mobility.Input.Configuration;
using Mobility.Tests.Engine;

/// <summary>
/// A comparison simulates the years its scenarios share once per replication and continues every scenario from
/// there; its numbers are those of runs from the first year, bit for bit. A cache carries runs and snapshots over.
/// </summary>
public sealed class ForkedComparisonTests
{
    private static readonly string[] Coarse = ["scenario:scale=50", "scenario:endYear=2030"];

    // baseline (reference), ucahes-full (levers from 2027), russia-shock (from 2026) and kz-education-export (opens
    // branch campuses, so it shares no year and runs from the start).
    private static ComparisonScenario[] Scenarios() =>
        new[] { "baseline", "ucahes-full", "russia-shock", "kz-education-export" }
            .Select(name => EngineTestKit.Load(name, Coarse))
            .Select(l => new ComparisonScenario(l.Name, l.World, l.Settings))
            .ToArray();

    [Fact]
    public void A_forked_comparison_gives_the_numbers_of_runs_from_the_first_year()
    {
        var scenarios = Scenarios();
        var forked = ScenarioComparison.Run(scenarios, 2, 7, EngineTestKit.Threads);
        var whole = ScenarioComparison.Run(scenarios, 2, 7, EngineTestKit.Threads, execution: new ComparisonExecution { Fork = false });

        for (int s = 0; s < scenarios.Length; s++)
        {
            for (int r = 1; r <= 2; r++)
            {
                EngineTestKit.AssertIdentical(whole.Outcome(s, r).Metrics, forked.Outcome(s, r).Metrics, $"{scenarios[s].Name}, replication {r}: metrics");
                EngineTestKit.AssertIdentical(whole.Outcome(s, r).FinalYearDegreeFlows, forked.Outcome(s, r).FinalYearDegreeFlows, $"{scenarios[s].Name}, replication {r}: flows");
            }
        }
    }

    [Fact]
    public void A_batch_with_a_cache_reuses_finished_runs_and_continues_a_new_scenario_from_a_kept_snapshot()
    {
        var scenarios = Scenarios();
        var world = scenarios[0].World;
        var jobs = scenarios.Take(2).Select(s => new RunJob(world, s.Settings, 5)).ToArray();
        var cache = new RunCache();
        var first = ForkedBatch.RunAll(jobs, EngineTestKit.Threads, cache: cache);
        Assert.True(cache.SnapshotBytes > 0, "the shared years' snapshot was not kept");
        Assert.Equal(2030 - 2026, first[1].Statistics.YearsSimulated); // ucahes-full continued after 2026: 2027-2030

        var again = ForkedBatch.RunAll(jobs, EngineTestKit.Threads, cache: cache);
        Assert.Same(first[0], again[0]);
        Assert.Same(first[1], again[1]);

        // russia-shock alone: no trunk to share with in this batch, but the cache holds the baseline's state at the end of 2025.
        var shock = new RunJob(world, scenarios[2].Settings, 5);
        RunResult fromCache = ForkedBatch.RunAll([shock], EngineTestKit.Threads, cache: cache)[0];
        RunResult fromStart = RunBatch.RunAll([shock], EngineTestKit.Threads)[0];
        EngineTestKit.AssertIdentical(fromStart.Metrics, fromCache.Metrics, "russia-shock from the cached snapshot: metrics");
        EngineTestKit.AssertIdentical(fromStart.Flows, fromCache.Flows, "russia-shock from the cached snapshot: flows");
        Assert.True(fromCache.Statistics.YearsSimulated < fromStart.Statistics.YearsSimulated, "russia-shock did not continue from the cached snapshot");
    }
}
