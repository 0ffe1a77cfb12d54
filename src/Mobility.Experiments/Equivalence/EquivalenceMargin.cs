namespace Mobility.Experiments.Equivalence;

/// <summary>
/// The equivalence margin of one metric, country and year: how far the new engine's mean may lie from the old one's
/// and still count as the same model. The larger of 1% of the old mean (a relative tolerance that matters for large,
/// quiet quantities) and a quarter of the old replication standard deviation (a difference smaller than a quarter of
/// the run-to-run noise is one no single run could reveal; this keeps noisy and near-zero metrics testable).
/// </summary>
public static class EquivalenceMargin
{
    /// <summary>Share of the old mean's magnitude.</summary>
    public const double ShareOfMean = 0.01;

    /// <summary>Share of the old replications' sample standard deviation.</summary>
    public const double ShareOfStandardDeviation = 0.25;

    /// <summary>max(1% of |old mean|, 0.25 x old sd); 0 only when the old mean and spread are both 0.</summary>
    public static double For(double oldMean, double oldStandardDeviation)
    {
        if (!double.IsFinite(oldMean) || !(oldStandardDeviation >= 0) || !double.IsFinite(oldStandardDeviation))
        {
            throw new ArgumentException($"a margin needs a finite mean and a finite, non-negative standard deviation (got {oldMean} and {oldStandardDeviation})");
        }

        return Math.Max(ShareOfMean * Math.Abs(oldMean), ShareOfStandardDeviation * oldStandardDeviation);
    }
}
