namespace Mobility.Tests.Equivalence;

using Mobility.Experiments.Equivalence;

/// <summary>The margin: max(1% of |old mean|, a quarter of the old replications' standard deviation).</summary>
public sealed class EquivalenceMarginTests
{
    [Theory]
    [InlineData(1000.0, 8.0, 10.0)] // a quiet quantity: 1% of the mean (10) beats sd/4 (2)
    [InlineData(1000.0, 80.0, 20.0)] // a noisy one: sd/4 (20) beats 1% of the mean (10)
    [InlineData(-500.0, 0.0, 5.0)] // a negative mean (net brain gain) counts by its size
    [InlineData(0.0, 0.4, 0.1)] // a mean of zero: only the spread is left
    [InlineData(0.0, 0.0, 0.0)] // nothing varies and nothing is there: only identical results pass
    [InlineData(0.5, 0.02, 0.005)] // a score: 1% of 0.5 equals sd/4, either way 0.005
    public void Is_the_larger_of_one_percent_of_the_mean_and_a_quarter_of_the_sd(double mean, double sd, double expected)
        => Assert.Equal(expected, EquivalenceMargin.For(mean, sd), 12);

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, -1.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void Needs_a_finite_mean_and_a_finite_non_negative_sd(double mean, double sd)
        => Assert.Throws<ArgumentException>(() => EquivalenceMargin.For(mean, sd));
}
