namespace Mobility.Tests.Equivalence;

using MathNet.Numerics.Distributions;
using Mobility.Experiments.Equivalence;

/// <summary>
/// The analysis on synthetic replications: what it calls equivalent, shifted, inconclusive and missing, the order it
/// reports them in, when runs can be paired, and its planning figure.
/// </summary>
public sealed class EquivalenceAnalysisTests
{
    private static readonly EquivalenceKey Inbound = new("baseline", "KAZ", "inbound_students", 2030);
    private static readonly EquivalenceKey Image = new("baseline", "KAZ", "regional_image", 2030);

    /// <summary>Replications 1..n with seeds 100 + r.</summary>
    private static ReplicatedValues Runs(params (EquivalenceKey Key, double[] Values)[] series)
    {
        var runs = new ReplicatedValues();
        foreach (var (key, values) in series)
        {
            for (int r = 0; r < values.Length; r++)
            {
                Assert.Null(runs.Add(key, r + 1, 100 + (ulong)r, values[r]));
            }
        }

        return runs;
    }

    private static readonly double[] Old = [1000, 1010, 990, 1005, 995, 1002];

    [Fact]
    public void The_same_values_are_equivalent_under_either_design()
    {
        var old = Runs((Inbound, Old));
        foreach (var design in new[] { EquivalenceDesign.Paired, EquivalenceDesign.Independent })
        {
            EquivalenceResult result = EquivalenceAnalysis.Run(old, Runs((Inbound, Old)), [Inbound], design);

            // Margin max(1% of 1000.33, sd/4 = 7.0/4): about 10; independent, the 90% interval is 0 +- 1.81 x 4.0.
            EquivalenceRow row = Assert.Single(result.Rows);
            Assert.Equal(EquivalenceVerdict.Equivalent, row.Verdict);
            Assert.Equal(0.01 * Old.Average(), row.Margin, 9);
            Assert.True(result.AllEquivalent);
        }
    }

    [Fact]
    public void A_shift_beyond_the_margin_is_shifted_and_fails()
    {
        // Every replication 25 higher (2.5% of the mean, margin 10): the engine changed the model.
        var @new = Runs((Inbound, [.. Old.Select(v => v + 25 + ((v % 3) - 1))]));

        EquivalenceResult result = EquivalenceAnalysis.Run(Runs((Inbound, Old)), @new, [Inbound], EquivalenceDesign.Paired);

        EquivalenceRow row = Assert.Single(result.Rows);
        Assert.Equal(EquivalenceVerdict.Shifted, row.Verdict);
        Assert.InRange(row.Test.Difference, 24, 26);
        Assert.True(row.Test.PUpper > 0.5);
        Assert.Null(row.ReplicationsNeeded);
        Assert.False(result.AllEquivalent);
        Assert.Equal(1, result.Failed);
    }

    [Fact]
    public void A_small_difference_with_a_wide_interval_is_inconclusive_and_gets_a_planning_figure()
    {
        // Independent samples with sd about 7 and three replications: the difference of about 1 is inside the margin of
        // about 10, but the interval is about +-12 wide.
        var old = Runs((Inbound, [1000, 1010, 997]));
        var @new = Runs((Inbound, [1009, 996, 1005]));

        EquivalenceRow row = Assert.Single(EquivalenceAnalysis.Run(old, @new, [Inbound], EquivalenceDesign.Independent).Rows);

        Assert.Equal(EquivalenceVerdict.Inconclusive, row.Verdict);
        Assert.True(Math.Abs(row.Test.Difference) < row.Margin);
        Assert.True(row.Test.High > row.Margin || row.Test.Low < -row.Margin);
        Assert.NotNull(row.ReplicationsNeeded);
        Assert.True(row.ReplicationsNeeded > 3);
    }

    [Fact]
    public void A_quantity_one_engine_lacks_is_missing_and_fails()
    {
        var old = Runs((Inbound, Old), (Image, [0.5, 0.51, 0.49]));
        var @new = Runs((Inbound, Old));

        EquivalenceResult result = EquivalenceAnalysis.Run(old, @new, [Inbound, Image], EquivalenceDesign.Independent);

        Assert.Equal(EquivalenceVerdict.Missing, result.Rows[1].Verdict);
        Assert.Equal(0, result.Rows[1].NewCount);
        Assert.True(double.IsNaN(result.Rows[1].Test.Difference));
        Assert.Equal(1, result.Passed);
        Assert.False(result.AllEquivalent);
    }

    [Fact]
    public void Paired_tests_need_the_same_replications_of_every_quantity()
    {
        var old = Runs((Inbound, Old));
        var @new = Runs((Inbound, Old[..5]));

        Assert.Equal(EquivalenceVerdict.Missing, EquivalenceAnalysis.Run(old, @new, [Inbound], EquivalenceDesign.Paired).Rows[0].Verdict);
        Assert.Equal(EquivalenceVerdict.Equivalent, EquivalenceAnalysis.Run(old, @new, [Inbound], EquivalenceDesign.Independent).Rows[0].Verdict);
    }

    [Fact]
    public void Runs_with_other_seeds_or_replications_cannot_be_paired()
    {
        var old = Runs((Inbound, Old));
        var otherSeeds = new ReplicatedValues();
        for (int r = 0; r < Old.Length; r++)
        {
            otherSeeds.Add(Inbound, r + 1, 900 + (ulong)r, Old[r]);
        }

        Assert.Empty(EquivalenceAnalysis.PairingProblems(old, Runs((Inbound, Old)), ["baseline"]));
        string problem = Assert.Single(EquivalenceAnalysis.PairingProblems(old, otherSeeds, ["baseline"]));
        Assert.Contains("replication 1 ran with seed 100 in the old runs and 900 in the new ones", problem);
        Assert.Contains("replications 1-6 (6)", Assert.Single(EquivalenceAnalysis.PairingProblems(old, Runs((Inbound, Old[..4])), ["baseline"])));
    }

    [Fact]
    public void A_replication_with_two_values_or_two_seeds_is_refused()
    {
        var runs = new ReplicatedValues();
        Assert.Null(runs.Add(Inbound, 1, 7, 1.0));
        Assert.Contains("two values of inbound_students for KAZ in 2030", runs.Add(Inbound, 1, 7, 2.0));
        Assert.Contains("has two seeds (7 and 8)", runs.Add(Image, 1, 8, 0.5));
    }

    [Fact]
    public void Failures_come_first_missing_then_shifted_then_inconclusive()
    {
        var keys = new[] { "a", "b", "c", "d" }.Select(m => new EquivalenceKey("s", "KAZ", m, 2030)).ToArray();
        var old = Runs((keys[0], Old), (keys[1], [1000, 1010, 997]), (keys[2], Old), (keys[3], Old));
        var @new = Runs((keys[0], Old), (keys[1], [1009, 996, 1005]), (keys[2], [.. Old.Select(v => v + 50)]));

        EquivalenceResult result = EquivalenceAnalysis.Run(old, @new, keys, EquivalenceDesign.Independent);

        Assert.Equal(
            [EquivalenceVerdict.Missing, EquivalenceVerdict.Shifted, EquivalenceVerdict.Inconclusive, EquivalenceVerdict.Equivalent],
            result.FailuresFirst().Select(r => r.Verdict));
        Assert.Equal(["d", "c", "b", "a"], result.FailuresFirst().Select(r => r.Key.Metric));
        Assert.Equal(["a", "b", "c", "d"], result.Rows.Select(r => r.Key.Metric));
    }

    [Theory]
    [InlineData(EquivalenceDesign.Independent, 1.0, 1.0, 0.5)]
    [InlineData(EquivalenceDesign.Paired, 2.0, 0.0, 0.5)]
    public void The_planning_figure_is_the_smallest_sample_that_reaches_the_planned_power(EquivalenceDesign design, double oldVariance, double newVariance, double margin)
    {
        int n = EquivalenceAnalysis.ReplicationsNeeded(margin, 0.05, (oldVariance, newVariance), design)!.Value;

        // Sample size of an equivalence test with true difference 0: (t(0.95) + t(0.95)) x standard error <= margin.
        double Left(int k)
        {
            double df = design == EquivalenceDesign.Paired ? k - 1 : TwoOneSidedTests.WelchDegreesOfFreedom(oldVariance / k, k, newVariance / k, k);
            return 2 * StudentT.InvCDF(0, 1, df, 0.95) * Math.Sqrt((oldVariance + newVariance) / k);
        }

        Assert.True(Left(n) <= margin);
        Assert.True(Left(n - 1) > margin);

        // The normal approximation 2 (1.645 + 1.645)^2 sigma^2 / m^2 = 86.6 for independent samples of sd 1 and margin 0.5.
        if (design == EquivalenceDesign.Independent)
        {
            Assert.InRange(n, 87, 92);
        }
    }

    /// <summary>
    /// The planning figure means what it says: with that many replications of two identical engines drawing
    /// independent random numbers, about 90% of the tests pass.
    /// </summary>
    [Fact]
    public void At_the_planned_replications_about_90_percent_of_identical_engines_pass()
    {
        const double margin = 0.5;
        int n = EquivalenceAnalysis.ReplicationsNeeded(margin, 0.05, (1, 1), EquivalenceDesign.Independent)!.Value;
        var normal = new Normal(0, 1, new Random(42));
        int passed = 0;
        const int trials = 2000;
        for (int t = 0; t < trials; t++)
        {
            double[] old = [.. Enumerable.Range(0, n).Select(_ => normal.Sample())];
            double[] @new = [.. Enumerable.Range(0, n).Select(_ => normal.Sample())];
            passed += TwoOneSidedTests.Independent(old, @new, margin).Equivalent ? 1 : 0;
        }

        Assert.InRange(passed / (double)trials, 0.87, 0.93);
    }

    [Fact]
    public void Without_any_spread_two_replications_suffice()
        => Assert.Equal(2, EquivalenceAnalysis.ReplicationsNeeded(0.5, 0.05, (0, 0), EquivalenceDesign.Paired));
}
