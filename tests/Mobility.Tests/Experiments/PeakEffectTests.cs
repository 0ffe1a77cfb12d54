namespace Mobility.Tests.Experiments;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Comparison;
using Mobility.Model.Metrics;
using Mobility.Tests.Engine;

/// <summary>
/// A shock that ends early: on hand-made replications, Kazakhstan's intra-regional share rises by 9 points up to
/// 2030 and falls back to half a point by 2040. The summary's peak row finds 2030; the final row keeps the residue.
/// </summary>
public class PeakEffectTests
{
    private const int First = 2025;
    private const int Final = 2040;

    private static readonly string Share = MetricCatalogue.IntraRegionalShare.Name;
    private static readonly string Image = MetricCatalogue.RegionalImage.Name;

    /// <summary>The shock's size in a year: up 9 points over 2026-2030, then down to 0.5 points in 2040.</summary>
    private static double Shock(int year) => year switch
    {
        <= First => 0,
        <= 2030 => 0.09 * (year - First) / 5.0,
        _ => 0.09 - (0.085 * (year - 2030) / 10.0),
    };

    private static ComparisonRuns Runs()
    {
        var loaded = EngineTestKit.Load("baseline");
        ComparisonScenario[] scenarios = [new("ref", loaded.World, loaded.Settings), new("pol", loaded.World, loaded.Settings)];
        int[] years = Enumerable.Range(First, Final - First + 1).ToArray();
        ulong[] seeds = [1, 2, 3];
        var outcomes = new ReplicationOutcome[2][];
        for (int s = 0; s < 2; s++)
        {
            outcomes[s] = new ReplicationOutcome[3];
            for (int r = 0; r < 3; r++)
            {
                // Replication noise shared by both scenarios (common random numbers) plus a little of the policy's own.
                double share(int y) => 0.19 + (0.002 * r) + (s == 1 ? Shock(y) + (0.001 * r) : 0);
                var metrics = years.SelectMany(y => new[]
                {
                    new MetricRecord(y, "KAZ", Share, share(y)),
                    new MetricRecord(y, "KAZ", Image, 0.6 + (0.01 * r)), // the policy does not touch it
                }).ToArray();
                outcomes[s][r] = new ReplicationOutcome(r + 1, seeds[r], metrics, [], years);
            }
        }

        return new ComparisonRuns(scenarios, 7, seeds, years, outcomes);
    }

    [Fact]
    public void The_peak_row_finds_the_year_of_the_largest_difference_and_the_final_row_its_residue()
    {
        var summary = ComparisonSummary.Build(Runs());

        SummaryRow peak = summary.Single(r => r.Scenario == "pol" && r.Metric == Share && r.Horizon == Horizons.Peak);
        SummaryRow final = summary.Single(r => r.Scenario == "pol" && r.Metric == Share && r.Horizon == Horizons.Final);
        Assert.Equal(2030, peak.Year);
        Assert.Equal(0.091, peak.Diff!.Value, 12);            // 9 points plus the policy's own noise, 0.001 on average
        Assert.True(peak.Significant);
        Assert.Equal(Final, final.Year);
        Assert.Equal(0.006, final.Diff!.Value, 12);
        Assert.Equal(0.19 + 0.002 + 0.091, peak.Mean, 12);   // the level in the peak year
    }

    [Fact]
    public void A_metric_the_policy_does_not_move_peaks_at_the_horizon_with_no_difference()
    {
        var summary = ComparisonSummary.Build(Runs());

        SummaryRow peak = summary.Single(r => r.Scenario == "pol" && r.Metric == Image && r.Horizon == Horizons.Peak);
        Assert.Equal(Final, peak.Year);
        Assert.Equal(0, peak.Diff);
        Assert.DoesNotContain(summary, r => r.Scenario == "ref" && r.Horizon == Horizons.Peak);
    }

    [Fact]
    public void The_executive_summary_names_an_earlier_peak_with_what_is_left_of_it()
    {
        ComparisonRuns runs = Runs();
        var summary = ComparisonSummary.Build(runs);

        var peaks = KeyEffect.EarlierPeaks(runs, summary, "pol");
        var atHorizon = KeyEffect.Largest(runs, summary, "pol");

        KeyEffect effect = Assert.Single(peaks);
        Assert.Equal(2030, effect.Year);
        Assert.Equal(
            "pol raises Kazakhstan's intra-regional share most in 2030, by 9.1 pp (95% CI 8.9 pp to 9.3 pp), +47.4% on ref; "
            + "by 2040 the change is +0.6 pp (95% CI +0.4 pp to +0.8 pp)",
            effect.Sentence("ref"));
        Assert.Equal(Final, Assert.Single(atHorizon).Year);
    }
}
