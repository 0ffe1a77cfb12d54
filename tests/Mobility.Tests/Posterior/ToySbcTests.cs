namespace Mobility.Tests.Posterior;

using MathNet.Numerics.Distributions;
using Mobility.Engine.Measurement;
using Mobility.Experiments.Posterior;
using Mobility.Model.Observations;
using Mobility.Model.Uncertainty;

/// <summary>
/// The reduced simulation-based calibration that CI runs with enough data sets to test uniformity: the same
/// <see cref="SimulationBasedCalibration"/> (truths from the prior, data = one simulation plus a draw of the
/// observation-error model, annealed ABC-SMC posteriors with the objective's kernel, ranks) on a model cheap enough to
/// run 100 posteriors in seconds: four figures whose logs are a + b x (j - 1.5) plus the model's own noise (sd 0.2),
/// of weights 1, 0.6, 0.3 and 1, one a range and one with a tolerance band. If the sampler is right the ranks are
/// uniform; a sampler whose posteriors are four times too precise (the previous generation of this code's failure: too
/// narrow) must be caught.
/// </summary>
public sealed class ToySbcTests
{
    private static readonly Observation[] Template =
    [
        ObservationErrorModelTests.Figure("f0", 100, 1.0),
        ObservationErrorModelTests.Figure("f1", 100, 0.6, 0.2),
        ObservationErrorModelTests.Figure("f2", 100, 0.3, 0, 200),
        ObservationErrorModelTests.Figure("f3", 100, 1.0),
    ];

    private static readonly JointPrior Prior = new(
    [
        new CoefficientPrior("toy:a", "a", PriorDistribution.Normal(5, 1), "test"),
        new CoefficientPrior("toy:b", "b", PriorDistribution.LogNormal(0.5, 0.5), "test"),
    ]);

    private static IReadOnlyList<MetricRecord> Simulate(double[] theta, ulong seed)
    {
        var stream = new ParticleStream(seed, 0, 0, 0, StreamPurpose.Prior);
        return Template.Select((o, j) => new MetricRecord(o.Year, o.Pair, o.Id, Math.Exp(theta[0] + (theta[1] * (j - 1.5)) + (0.2 * Normal.InvCDF(0, 1, stream.NextDouble()))))).ToArray();
    }

    private static SbcResult Run(double precisionMisstatement)
        => SimulationBasedCalibration.Run(
            Prior,
            Template,
            null,
            distance => new DistanceFunction((theta, seed) => precisionMisstatement * distance.Distance(Simulate(theta, seed)), 2),
            (theta, seed, _) => Simulate(theta, seed),
            new SbcOptions { DataSets = 100, Draws = 19, Bins = 5, Seed = 2026, Abc = new AbcSmcOptions { Particles = 200, MaxGenerations = 12 } });

    [Fact]
    public void The_ranks_of_the_truths_are_uniform()
    {
        SbcResult result = Run(1);

        Assert.All(result.DataSets, d => Assert.Equal(1.0, d.Temperature));
        for (int k = 0; k < Prior.Dimension; k++)
        {
            var (statistic, p) = result.Uniformity(k);
            Assert.True(p > 0.01 / Prior.Dimension, $"{Prior.Coefficients[k].Path}: bins {string.Join(" ", result.BinCounts(k))}, chi-square {statistic:F1}, p = {p:G3}");
        }
    }

    [Fact]
    public void Posteriors_four_times_too_precise_are_caught()
    {
        SbcResult result = Run(4);

        double smallest = Enumerable.Range(0, Prior.Dimension).Min(k => result.Uniformity(k).PValue);
        Assert.True(smallest < 0.01 / Prior.Dimension, $"smallest p = {smallest:G3}");
    }
}
