namespace Mobility.Tests.Equivalence;

using Mobility.Experiments.Equivalence;

/// <summary>
/// The two one-sided tests against values worked out by hand: Student t with 2 and 4 degrees of freedom has a closed
/// form, F2(t) = 1/2 + t / (2 sqrt(2 + t^2)) and F4(t) = 1/2 + (3/8) (t / sqrt(u)) (1 - t^2 / (12 u)) with
/// u = 1 + t^2/4; the 95% quantiles 2.919986 (2 df) and 2.131847 (4 df) are those of any printed t table.
/// </summary>
public sealed class TwoOneSidedTestsTests
{
    private const double T95With2 = 2.919985580355516;
    private const double T95With4 = 2.131846786326649;

    private static double F2(double t) => 0.5 + (t / (2 * Math.Sqrt(2 + (t * t))));

    private static double F4(double t)
    {
        double u = 1 + (t * t / 4);
        return 0.5 + (3.0 / 8 * (t / Math.Sqrt(u)) * (1 - (t * t / (12 * u))));
    }

    [Fact]
    public void Paired_differences_1_2_3_with_margin_3_are_not_shown_equivalent()
    {
        // Differences 1, 2, 3: mean 2, sd 1, standard error 1/sqrt(3), 2 degrees of freedom.
        // Upper test: t = (2 - 3) sqrt(3) = -sqrt(3), p = F2(-sqrt(3)) = 1/2 - sqrt(3) / (2 sqrt(5)) = 0.1127.
        // Lower test: t = (2 + 3) sqrt(3), p = 1 - F2(5 sqrt(3)) = 1/2 - 5 sqrt(3) / (2 sqrt(77)) = 0.0065.
        TostResult r = TwoOneSidedTests.Paired([10, 10, 10], [11, 12, 13], margin: 3);

        Assert.Equal(2, r.Difference, 12);
        Assert.Equal(1 / Math.Sqrt(3), r.StandardError, 12);
        Assert.Equal(2, r.DegreesOfFreedom);
        Assert.Equal(0.5 - (Math.Sqrt(3) / (2 * Math.Sqrt(5))), r.PUpper, 9);
        Assert.Equal(0.1127016654, r.PUpper, 9);
        Assert.Equal(0.5 - (5 * Math.Sqrt(3) / (2 * Math.Sqrt(77))), r.PLower, 9);
        Assert.Equal(2 - (T95With2 / Math.Sqrt(3)), r.Low, 8);
        Assert.Equal(2 + (T95With2 / Math.Sqrt(3)), r.High, 8);
        Assert.False(r.Equivalent);
    }

    [Fact]
    public void Paired_differences_1_2_3_with_margin_6_are_equivalent()
    {
        // Upper test: t = (2 - 6) sqrt(3) = -4 sqrt(3), p = 1/2 - 4 sqrt(3) / (2 sqrt(50)) = 0.0101 < 0.05; the 90%
        // interval 2 +- 2.92 / sqrt(3) = (0.31, 3.69) lies inside (-6, 6).
        TostResult r = TwoOneSidedTests.Paired([10, 10, 10], [11, 12, 13], margin: 6);

        Assert.Equal(F2(-4 * Math.Sqrt(3)), r.PUpper, 9);
        Assert.Equal(0.0101020514, r.PUpper, 9);
        Assert.Equal(1 - F2(8 * Math.Sqrt(3)), r.PLower, 9);
        Assert.True(r.Equivalent);
    }

    [Fact]
    public void Welch_with_equal_sizes_and_variances_has_2n_minus_2_degrees_of_freedom()
    {
        // Old 1, 2, 3 and new 3, 4, 5: means 2 and 4, both variances 1. Squared standard errors 1/3 each, so the
        // difference 2 has standard error sqrt(2/3) and Welch-Satterthwaite gives (2/3)^2 / (2 (1/3)^2 / 2) = 4.
        TostResult r = TwoOneSidedTests.Independent([1, 2, 3], [3, 4, 5], margin: 3);

        double se = Math.Sqrt(2.0 / 3);
        Assert.Equal(2, r.Difference, 12);
        Assert.Equal(se, r.StandardError, 12);
        Assert.Equal(4, r.DegreesOfFreedom, 9);
        Assert.Equal(F4((2 - 3) / se), r.PUpper, 9);
        Assert.Equal(0.1439320674, r.PUpper, 9);
        Assert.Equal(1 - F4((2 + 3) / se), r.PLower, 9);
        Assert.Equal(2 - (T95With4 * se), r.Low, 8);
        Assert.Equal(2 + (T95With4 * se), r.High, 8);
        Assert.False(r.Equivalent);
    }

    [Fact]
    public void Welch_degrees_of_freedom_with_unequal_variances()
    {
        // Old 1, 2, 3 (variance 1) and new 2, 4, 6 (variance 4): a = 1/3, b = 4/3,
        // df = (5/3)^2 / ((1/3)^2 / 2 + (4/3)^2 / 2) = (25/9) / (17/18) = 50/17.
        TostResult r = TwoOneSidedTests.Independent([1, 2, 3], [2, 4, 6], margin: 1);

        Assert.Equal(50.0 / 17, r.DegreesOfFreedom, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), r.StandardError, 12);
        Assert.False(r.Equivalent);
    }

    [Fact]
    public void Identical_results_are_equivalent_even_with_a_zero_margin()
    {
        TostResult r = TwoOneSidedTests.Paired([1, 2, 3], [1, 2, 3], margin: 0);

        Assert.Equal(0, r.Difference);
        Assert.Equal(0, r.StandardError);
        Assert.Equal((0.0, 0.0), (r.Low, r.High));
        Assert.Equal((0.0, 0.0), (r.PLower, r.PUpper));
        Assert.True(r.Equivalent);
    }

    [Theory]
    [InlineData(1.0, 3.0, true)]
    [InlineData(-2.5, 3.0, true)]
    [InlineData(5.0, 3.0, false)]
    [InlineData(-3.0, 3.0, false)]
    public void A_constant_difference_is_known_exactly_and_judged_against_the_margin(double shift, double margin, bool equivalent)
    {
        double[] old = [10, 20, 30, 40];
        TostResult r = TwoOneSidedTests.Paired(old, [.. old.Select(v => v + shift)], margin);

        Assert.Equal(0, r.StandardError, 12);
        Assert.Equal(equivalent, r.Equivalent);
        Assert.Equal(shift, r.Difference, 9);
    }

    /// <summary>
    /// The law behind TOST: both p-values below alpha exactly when the 1 - 2 alpha interval lies inside the margin,
    /// each one-sided test matching one end, for either design.
    /// </summary>
    [Fact]
    public void Passing_both_tests_is_the_90_percent_interval_lying_inside_the_margin()
    {
        var random = new Random(20261202);
        for (int trial = 0; trial < 400; trial++)
        {
            int n = random.Next(2, 12);
            double[] old = [.. Enumerable.Range(0, n).Select(_ => 50 + (random.NextDouble() * 4))];
            double[] @new = [.. Enumerable.Range(0, n).Select(_ => 50 + (random.NextDouble() * 4) + ((random.NextDouble() - 0.5) * 2))];
            double margin = random.NextDouble() * 3;
            foreach (TostResult r in new[] { TwoOneSidedTests.Paired(old, @new, margin), TwoOneSidedTests.Independent(old, @new, margin) })
            {
                Assert.Equal(r.PLower < 0.05, r.Low > -margin);
                Assert.Equal(r.PUpper < 0.05, r.High < margin);
                Assert.Equal(r.Equivalent, r.Low > -margin && r.High < margin);
                Assert.InRange(r.Difference, r.Low, r.High);
            }
        }
    }

    [Fact]
    public void Fewer_than_two_replications_or_unequal_pairs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TwoOneSidedTests.Independent([1], [1, 2], margin: 1));
        Assert.Throws<ArgumentException>(() => TwoOneSidedTests.Paired([1, 2, 3], [1, 2], margin: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoOneSidedTests.Test(0, 1, 5, margin: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoOneSidedTests.Test(0, 1, 5, margin: 1, alpha: 0.5));
    }
}
