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
    public void The_truths_fall_at_an_extreme_rank_no_more_often_than_right_posteriors_allow()
    {
        SbcResult result = Run(1);

        // Right posteriors put a truth below or above all 19 draws with probability 2 / 20: the count over 100 data sets
        // and two coefficients is binomial(200, 0.1), 20 +- 4.2; the test allows 3 sd above.
        int extremes = Enumerable.Range(0, Prior.Dimension).Sum(result.ExtremeRanks);
        double expected = result.ExpectedExtremeRanks * Prior.Dimension;
        Assert.True(extremes <= expected + (3 * Math.Sqrt(expected * 0.9)), $"{extremes} extreme ranks, {expected:F0} expected");
        Assert.All(Enumerable.Range(0, Prior.Dimension), k => Assert.True(result.KolmogorovSmirnov(k).PValue > 0.01 / Prior.Dimension));
    }

    [Fact]
    public void Posteriors_four_times_too_precise_are_caught()
    {
        SbcResult result = Run(4);

        double smallest = Enumerable.Range(0, Prior.Dimension).Min(k => result.Uniformity(k).PValue);
        Assert.True(smallest < 0.01 / Prior.Dimension, $"smallest p = {smallest:G3}");
        int extremes = Enumerable.Range(0, Prior.Dimension).Sum(result.ExtremeRanks);
        double expected = result.ExpectedExtremeRanks * Prior.Dimension;
        Assert.True(extremes > expected + (3 * Math.Sqrt(expected * 0.9)), $"{extremes} extreme ranks, {expected:F0} expected");
    }

    [Fact]
    public void The_Kolmogorov_Smirnov_test_of_the_ranks_finds_even_ranks_uniform_and_piled_up_ranks_not()
    {
        var options = new SbcOptions { DataSets = 40, Draws = 19, Bins = 5 };
        SbcResult Ranks(Func<int, int> rank)
            => new(Prior, options, Enumerable.Range(0, 40).Select(i => new SbcDataSet(i, [0, 0], [rank(i), rank(i)], 1, 1, 100, 100)).ToArray());

        // Every rank twice: the empirical CDF meets the uniform's at every step.
        var (even, evenP) = Ranks(i => i % 20).KolmogorovSmirnov(0);
        Assert.Equal(0, even, 12);
        Assert.Equal(1, evenP, 12);

        // Half the ranks at 0, half at 19: D = 0.5 - 1/20 = 0.45, far beyond the 5% critical value 1.36 / sqrt(40) = 0.215.
        var (piled, piledP) = Ranks(i => i % 2 == 0 ? 0 : 19).KolmogorovSmirnov(1);
        Assert.Equal(0.45, piled, 12);
        Assert.True(piledP < 1e-5, $"p = {piledP:G3}");

        // Kolmogorov's 5% point: D sqrt(n) (with Stephens' correction) = 1.358 gives p = 0.05; ranks 0..9 only (the lower half) give D = 0.5.
        var (half, halfP) = Ranks(i => i % 10).KolmogorovSmirnov(0);
        Assert.Equal(0.5, half, 12);
        double x = (Math.Sqrt(40) + 0.12 + (0.11 / Math.Sqrt(40))) * 0.5;
        Assert.Equal(2 * Enumerable.Range(1, 50).Sum(j => (j % 2 == 1 ? 1 : -1) * Math.Exp(-2.0 * j * j * x * x)), halfP, 12);
        Assert.Equal(40 * 2.0 / 20, Ranks(i => i % 20).ExpectedExtremeRanks, 12);
        Assert.Equal(4, Ranks(i => i % 20).ExtremeRanks(0));
    }
}
