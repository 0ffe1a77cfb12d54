namespace Mobility.Tests.Experiments;

using MathNet.Numerics.Distributions;
using Mobility.Experiments.Comparison;

/// <summary>
/// The statistics of an effect over a posterior: D draws of the coefficients, R replications each. The law of total
/// variance splits one run's variance into the coefficients' part and the noise's part.
/// </summary>
public class PosteriorEffectTests
{
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 0.5)]
    [InlineData(0.3, 1.5)]
    public void The_variance_shares_recover_the_between_and_within_draw_variances(double between, double within)
    {
        const int draws = 2000, perDraw = 3;
        var random = new Random(17);
        var differences = new double[draws * perDraw];
        for (int d = 0; d < draws; d++)
        {
            double mean = Normal.Sample(random, 1, Math.Sqrt(between));
            for (int r = 0; r < perDraw; r++)
            {
                differences[(d * perDraw) + r] = mean + Normal.Sample(random, 0, Math.Sqrt(within));
            }
        }

        PosteriorEffect effect = PosteriorEffect.Of(differences, perDraw);

        // The standard error of B / (B + W) at 2000 draws is below 0.02 for these variances; allow 4 of them.
        double expected = between / (between + within);
        Assert.InRange(effect.CoefficientShare!.Value, expected - 0.08, expected + 0.08);
        Assert.Equal(1, effect.CoefficientShare!.Value + effect.NoiseShare!.Value, 12);
        Assert.InRange(effect.NoiseBand.StandardDeviation, Math.Sqrt(within) * 0.93, Math.Sqrt(within) * 1.07);

        // A draw mean is N(1, between + within / R): its 5% and 95% quantiles.
        double spread = Math.Sqrt(between + (within / perDraw));
        Assert.InRange(effect.CredibleLow, 1 - (1.645 * spread) - 0.15, 1 - (1.645 * spread) + 0.15);
        Assert.InRange(effect.CredibleHigh, 1 + (1.645 * spread) - 0.15, 1 + (1.645 * spread) + 0.15);
        double positive = 1 - Normal.CDF(1, spread, 0);
        Assert.InRange(effect.ProbabilityPositive, positive - 0.04, positive + 0.04);
    }

    [Fact]
    public void Draws_that_all_give_the_same_effect_leave_everything_to_noise()
    {
        // Every draw has the replications 1, 3 (mean 2, variance 2): no variance between draws.
        double[] differences = [1, 3, 3, 1, 1, 3, 3, 1];

        PosteriorEffect effect = PosteriorEffect.Of(differences, 2);

        Assert.Equal(0, effect.CoefficientShare);
        Assert.Equal(1, effect.NoiseShare);
        Assert.Equal(2, effect.CredibleLow);
        Assert.Equal(2, effect.CredibleHigh);
        Assert.Equal(1, effect.ProbabilityPositive);
        Assert.Equal(2, effect.NoiseBand.Mean);
        Assert.True(effect.NoiseBand.Low < 2 && effect.NoiseBand.High > 2);
    }

    [Fact]
    public void Noise_free_draws_leave_everything_to_the_coefficients_and_count_positive_draws()
    {
        // Four draws, two replications each, no noise within a draw: effects -1, 2, 3, 4.
        double[] differences = [-1, -1, 2, 2, 3, 3, 4, 4];

        PosteriorEffect effect = PosteriorEffect.Of(differences, 2);

        Assert.Equal(1, effect.CoefficientShare);
        Assert.Equal(0, effect.NoiseShare);
        Assert.Equal(0.75, effect.ProbabilityPositive);
        Assert.Equal(0.25, effect.ProbabilityNegative);
        Assert.Equal(2, effect.NoiseBand.Mean);
        Assert.Equal(effect.NoiseBand.Low, effect.NoiseBand.High); // no noise, no band
        Assert.True(effect.CredibleLow < 0 && effect.CredibleHigh > 3.5, $"{effect.CredibleLow} to {effect.CredibleHigh}");
        Assert.False(effect.CredibleExcludesZero);
    }

    [Fact]
    public void One_draw_or_one_replication_per_draw_cannot_be_split()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PosteriorEffect.Of([1, 2, 3, 4], 1));
        Assert.Throws<ArgumentException>(() => PosteriorEffect.Of([1, 2], 2));
        Assert.Throws<ArgumentException>(() => PosteriorEffect.Of([1, 2, 3, 4, 5], 2));
    }
}
