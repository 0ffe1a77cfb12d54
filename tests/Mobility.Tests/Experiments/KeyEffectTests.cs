namespace Mobility.Tests.Experiments;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Comparison;
using Mobility.Model.Metrics;
using Mobility.Tests.Engine;

/// <summary>
/// How the executive summary picks and words a scenario's largest effects, on hand-made replications of a reference
/// ("ref") and a policy ("pol") in one reported year.
/// </summary>
public class KeyEffectTests
{
    private const int Year = 2030;

    /// <summary>Per (country, metric): the reference's and the policy's value in each of three replications.</summary>
    private static readonly (string Country, string Metric, double[] Reference, double[] Policy)[] Values =
    [
        ("KAZ", MetricCatalogue.RegionalImage.Name, [0.5, 0.5, 0.5], [0.55, 0.56, 0.54]),          // +10%, significant
        ("KGZ", MetricCatalogue.InboundStudents.Name, [100, 100, 100], [150, 150, 150]),           // +50%
        ("KAZ", MetricCatalogue.InboundStudents.Name, [1000, 1000, 1000], [1100, 1100, 1100]),     // +10%, but KGZ's is larger
        ("KGZ", MetricCatalogue.ExportRevenueUsd.Name, [0, 0, 0], [10, 10, 10]),                    // no reference value to relate to
        ("KAZ", MetricCatalogue.SoftPowerScore.Name, [0.4, 0.4, 0.4], [0.5, 0.3, 0.4]),            // not significant
        ("KGZ", MetricCatalogue.NetBrainGain.Name, [-200, -200, -200], [-210, -210, -210]),     // 5% of the reference's size, but no percentage change
        ("KAZ", MetricCatalogue.IntlHumanCapital.Name, [1000, 1000, 1000], [1010, 1010, 1010]),    // +1%, fourth
        ("KAZ", MetricCatalogue.GlobalImage.Name, [0.1, 0.1, 0.1], [0.5, 0.5, 0.5]),               // not a headline indicator
    ];

    private static ComparisonRuns Runs()
    {
        var world = EngineTestKit.Load("baseline").World;
        var settings = EngineTestKit.Load("baseline").Settings;
        ComparisonScenario[] scenarios = [new("ref", world, settings), new("pol", world, settings)];
        ulong[] seeds = [1, 2, 3];
        var outcomes = new ReplicationOutcome[2][];
        for (int s = 0; s < 2; s++)
        {
            outcomes[s] = new ReplicationOutcome[3];
            for (int r = 0; r < 3; r++)
            {
                var metrics = Values.Select(v => new MetricRecord(Year, v.Country, v.Metric, s == 0 ? v.Reference[r] : v.Policy[r])).ToArray();
                outcomes[s][r] = new ReplicationOutcome(r + 1, seeds[r], metrics, [], [Year]);
            }
        }

        return new ComparisonRuns(scenarios, 7, seeds, [Year], outcomes);
    }

    [Fact]
    public void The_three_largest_significant_relative_effects_one_per_indicator()
    {
        ComparisonRuns runs = Runs();
        var summary = ComparisonSummary.Build(runs);

        var effects = KeyEffect.Largest(runs, summary, "pol");

        Assert.Equal(
            [("KGZ", MetricCatalogue.InboundStudents.Name), ("KAZ", MetricCatalogue.RegionalImage.Name), ("KGZ", MetricCatalogue.NetBrainGain.Name)],
            effects.Select(e => (e.Row.Country, e.Row.Metric)));
        Assert.Equal([0.5, 0.1, 0.05], effects.Select(e => Math.Round(e.Size, 9)));
        Assert.Equal([0.5, 0.1, null], effects.Select(e => e.RelativeChange is double r ? Math.Round(r, 9) : (double?)null));
    }

    [Fact]
    public void Effects_read_in_plain_words_with_their_interval()
    {
        ComparisonRuns runs = Runs();
        var effects = KeyEffect.Largest(runs, ComparisonSummary.Build(runs), "pol");

        // Differences 0.05, 0.06, 0.04: sd 0.01, t(0.975, 2) = 4.3027, half-width 4.3027 * 0.01 / sqrt(3) = 0.0248.
        Assert.Equal("pol raises Kazakhstan's regional image by 0.050 (95% CI 0.025 to 0.075) by 2030, +10.0% on ref", effects[1].Sentence("ref"));
        Assert.Equal("pol lowers Kyrgyzstan's net brain gain by 10 (95% CI 10 to 10) by 2030, from -200 under ref to -210", effects[2].Sentence("ref"));
    }

    [Theory]
    [InlineData(-5200, 5600)]   // a move from a negative value across zero: not "+207.7%"
    [InlineData(-200, -210)]
    [InlineData(0, 10)]
    public void No_relative_change_against_a_reference_that_is_not_positive(double reference, double policy)
    {
        var row = new SummaryRow("pol", "KAZ", MetricCatalogue.NetBrainGain.Name, Horizons.Final, policy, 0, policy, policy,
            policy - reference, policy - reference, policy - reference, true, null, Year);

        var effect = new KeyEffect(row, MetricCatalogue.NetBrainGain, "Kazakhstan", reference);

        Assert.Null(effect.RelativeChange);
        Assert.Null(effect.RelativePercent);
        Assert.DoesNotContain("%", effect.Sentence("ref").Replace("95% CI", "", StringComparison.Ordinal));
        Assert.Contains($"from {MetricCatalogue.NetBrainGain.Format(reference)} under ref to {MetricCatalogue.NetBrainGain.Format(policy)}", effect.Sentence("ref"));
    }

    [Fact]
    public void A_positive_reference_gives_a_percentage()
    {
        var row = new SummaryRow("pol", "KAZ", MetricCatalogue.InboundStudents.Name, Horizons.Final, 150, 0, 150, 150, 50, 40, 60, true, null, Year);

        var effect = new KeyEffect(row, MetricCatalogue.InboundStudents, "Kazakhstan", 100);

        Assert.Equal(0.5, effect.RelativeChange);
        Assert.Equal("+50.0%", effect.RelativePercent);
    }
}
