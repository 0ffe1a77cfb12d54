namespace Mobility.Tests.Experiments;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Comparison;
using Mobility.Experiments.Runs;
using Mobility.Model.Metrics;

/// <summary>The comparison statistics against values worked out by hand (t quantiles from printed tables).</summary>
public class ReplicationStatisticsTests
{
    /// <summary>Student t, 97.5% quantile, 3 degrees of freedom (any printed t table).</summary>
    private const double T3 = 3.182446305284263;

    [Fact]
    public void Mean_sd_and_t_interval_of_four_replications()
    {
        // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, variance 5/3; half-width t * sd / sqrt(4).
        Estimate e = ReplicationStatistics.Describe([1, 2, 3, 4]);

        double sd = Math.Sqrt(5.0 / 3);
        Assert.Equal(2.5, e.Mean, 12);
        Assert.Equal(sd, e.StandardDeviation, 12);
        Assert.Equal(2.5 - (T3 * sd / 2), e.Low, 9);
        Assert.Equal(2.5 + (T3 * sd / 2), e.High, 9);
        Assert.Equal(0.445735, e.Low, 5);
        Assert.Equal(4.554265, e.High, 5);
    }

    [Fact]
    public void Paired_difference_interval_and_variance_reduction()
    {
        // Differences 2, 3, 1, 2: mean 2, variance (0 + 1 + 1 + 0) / 3 = 2/3. Each sample alone has variance 5/3,
        // so independent runs would give the difference a variance of 10/3: pairing divides it by 5.
        PairedDifference d = ReplicationStatistics.Paired([3, 5, 4, 6], [1, 2, 3, 4]);

        double sd = Math.Sqrt(2.0 / 3);
        Assert.Equal(2, d.Difference.Mean, 12);
        Assert.Equal(sd, d.Difference.StandardDeviation, 12);
        Assert.Equal(2 - (T3 * sd / 2), d.Difference.Low, 9);
        Assert.Equal(2 + (T3 * sd / 2), d.Difference.High, 9);
        Assert.True(d.IsSignificant);
        Assert.Equal(5, d.VarianceReduction!.Value, 9);
    }

    [Fact]
    public void A_difference_whose_interval_spans_zero_is_not_significant()
    {
        // Differences 1, -1, 2, -2: mean 0.
        PairedDifference d = ReplicationStatistics.Paired([2, 1, 5, 2], [1, 2, 3, 4]);

        Assert.Equal(0, d.Difference.Mean, 12);
        Assert.True(d.Difference.Low < 0 && d.Difference.High > 0);
        Assert.False(d.IsSignificant);
    }

    [Fact]
    public void A_constant_difference_is_significant_and_has_no_variance_reduction_figure()
    {
        PairedDifference d = ReplicationStatistics.Paired([11, 12, 13], [1, 2, 3]);

        Assert.Equal(10, d.Difference.Mean, 12);
        Assert.Equal(10, d.Difference.Low, 12);
        Assert.Equal(10, d.Difference.High, 12);
        Assert.True(d.IsSignificant);
        Assert.Null(d.VarianceReduction);
    }

    [Fact]
    public void One_replication_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ReplicationStatistics.Describe([1.0]));
        Assert.Throws<ArgumentException>(() => ReplicationStatistics.Paired([1.0, 2.0], [1.0]));
    }

    [Fact]
    public void Net_brain_gain_is_brain_gain_minus_brain_drain()
    {
        MetricRecord[] metrics =
        [
            new(2030, "KAZ", MetricCatalogue.BrainGain.Name, 500),
            new(2030, "KAZ", MetricCatalogue.BrainDrain.Name, 800),
            new(2030, "KGZ", MetricCatalogue.BrainGain.Name, 40),
            new(2030, "KGZ", MetricCatalogue.BrainDrain.Name, 10),
        ];

        var all = DerivedMetrics.AddTo(metrics);

        Assert.Equal(6, all.Count);
        Assert.Contains(new MetricRecord(2030, "KAZ", MetricCatalogue.NetBrainGain.Name, -300), all);
        Assert.Contains(new MetricRecord(2030, "KGZ", MetricCatalogue.NetBrainGain.Name, 30), all);
    }

    [Fact]
    public void Replication_seeds_are_reproducible_and_distinct()
    {
        ulong[] a = ReplicationSeeds.ForReplications(20250901, 10);
        ulong[] b = ReplicationSeeds.ForReplications(20250901, 10);
        ulong[] other = ReplicationSeeds.ForReplications(20250902, 10);

        Assert.Equal(a, b);
        Assert.Equal(10, a.Distinct().Count());
        Assert.Empty(a.Intersect(other));
        Assert.Equal(ReplicationSeeds.Derive(20250901, 3), a[2]);
    }
}
