namespace Mobility.Tests.Experiments;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Comparison;
using Mobility.Input.Configuration;
using Mobility.Model.Metrics;
using Mobility.Tests.Engine;

/// <summary>
/// Common random numbers on a real scenario pair: running replication r of both scenarios with the same seed makes
/// the difference between them far less noisy than running them on independent seeds.
/// </summary>
public class CommonRandomNumbersTests
{
    private const int Replications = 6;

    [Fact]
    public void Pairing_by_seed_shrinks_the_variance_of_the_difference_between_baseline_and_ucahes_full()
    {
        string[] coarse = ["scenario:scale=50", "scenario:endYear=2030"];
        ComparisonScenario baseline = Scenario(EngineTestKit.Load("baseline", coarse));
        ComparisonScenario ucahes = Scenario(EngineTestKit.Load("ucahes-full", coarse));

        ComparisonRuns paired = ScenarioComparison.Run([baseline, ucahes], Replications, 11, EngineTestKit.Threads);
        ComparisonRuns independent = ScenarioComparison.Run([ucahes], Replications, 12, EngineTestKit.Threads);

        var ratios = new List<double>();
        foreach (string country in EngineTestKit.Members)
        {
            foreach (string metric in new[] { MetricCatalogue.RegionalImage.Name, MetricCatalogue.OutboundStudents.Name, MetricCatalogue.IntraRegionalShare.Name })
            {
                double[] reference = paired.Across(0, country, metric, Horizons.Final);
                double[] withCrn = paired.Across(1, country, metric, Horizons.Final);
                double[] withoutCrn = independent.Across(0, country, metric, Horizons.Final);
                double pairedVariance = Variance(withCrn.Zip(reference, (a, b) => a - b));
                double unpairedVariance = Variance(withoutCrn.Zip(reference, (a, b) => a - b));
                ratios.Add(unpairedVariance / pairedVariance);
            }
        }

        ratios.Sort();
        double median = ratios[ratios.Count / 2];
        Assert.True(median > 2, $"median variance ratio (independent / paired) {median:0.00}; all: {string.Join(", ", ratios.Select(r => r.ToString("0.0")))}");
        Assert.True(ratios.Count(r => r > 1) >= ratios.Count * 3 / 4, $"ratios: {string.Join(", ", ratios.Select(r => r.ToString("0.0")))}");
    }

    private static ComparisonScenario Scenario(LoadedScenario loaded) => new(loaded.Name, loaded.World, loaded.Settings);

    private static double Variance(IEnumerable<double> values)
    {
        double[] v = values.ToArray();
        double mean = v.Average();
        return v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1);
    }
}
