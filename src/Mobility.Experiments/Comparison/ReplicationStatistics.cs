namespace Mobility.Experiments.Comparison;

using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

/// <summary>
/// Statistics over replications: Student-t confidence intervals for a mean, and for a paired difference. Needs at
/// least two replications (one gives no estimate of the spread).
/// </summary>
public static class ReplicationStatistics
{
    public const double DefaultConfidence = 0.95;

    /// <summary>Mean, sample standard deviation and t interval of the mean.</summary>
    public static Estimate Describe(IReadOnlyList<double> values, double confidence = DefaultConfidence)
    {
        Require(values.Count);
        double mean = values.Mean();
        double sd = values.StandardDeviation();
        double half = StudentT.InvCDF(0, 1, values.Count - 1, 0.5 + (confidence / 2)) * sd / Math.Sqrt(values.Count);
        return new Estimate(mean, sd, mean - half, mean + half);
    }

    /// <summary>
    /// The difference <paramref name="scenario"/> minus <paramref name="reference"/>, where element r of both lists
    /// came from the same seed: the t interval is built on the per-replication differences.
    /// </summary>
    public static PairedDifference Paired(IReadOnlyList<double> scenario, IReadOnlyList<double> reference, double confidence = DefaultConfidence)
    {
        if (scenario.Count != reference.Count)
        {
            throw new ArgumentException($"paired samples need equal sizes ({scenario.Count} and {reference.Count})", nameof(reference));
        }

        var differences = new double[scenario.Count];
        for (int r = 0; r < differences.Length; r++)
        {
            differences[r] = scenario[r] - reference[r];
        }

        Estimate difference = Describe(differences, confidence);
        double paired = difference.StandardDeviation * difference.StandardDeviation;
        double unpaired = scenario.Variance() + reference.Variance();

        // Differences equal up to rounding in every replication: the ratio would be rounding noise, not information.
        bool noSpread = paired <= 1e-12 * Math.Max(unpaired, double.Epsilon) || paired == 0;
        return new PairedDifference(difference, noSpread ? null : unpaired / paired);
    }

    private static void Require(int count)
    {
        if (count < 2)
        {
            throw new ArgumentException($"at least two replications are needed for a confidence interval (got {count})");
        }
    }
}
