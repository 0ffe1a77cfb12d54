namespace Mobility.Experiments.Equivalence;

using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

/// <summary>
/// Schuirmann's two one-sided tests (TOST; J. Pharmacokinet. Biopharm. 15, 1987): the new engine's mean is equivalent
/// to the old one's within a margin m when both H0: difference &lt;= -m and H0: difference &gt;= +m are rejected at
/// level alpha, i.e. when the 1 - 2 alpha confidence interval of the difference lies inside (-m, +m).
/// </summary>
public static class TwoOneSidedTests
{
    public const double DefaultAlpha = 0.05;

    /// <summary>
    /// On paired replications: element r of both lists came from the same seed and the same random streams, so the
    /// test uses the differences new[r] - old[r] (t with n - 1 degrees of freedom).
    /// </summary>
    public static TostResult Paired(IReadOnlyList<double> oldValues, IReadOnlyList<double> newValues, double margin, double alpha = DefaultAlpha)
    {
        if (oldValues.Count != newValues.Count)
        {
            throw new ArgumentException($"paired samples need equal sizes ({oldValues.Count} and {newValues.Count})", nameof(newValues));
        }

        RequireTwo(oldValues.Count);
        var differences = new double[oldValues.Count];
        for (int r = 0; r < differences.Length; r++)
        {
            differences[r] = newValues[r] - oldValues[r];
        }

        double standardError = differences.StandardDeviation() / Math.Sqrt(differences.Length);
        return Test(differences.Mean(), standardError, differences.Length - 1, margin, alpha);
    }

    /// <summary>
    /// On independent samples (Welch): difference of the means, standard error sqrt(s_old^2/n_old + s_new^2/n_new),
    /// Welch-Satterthwaite degrees of freedom. The sizes may differ.
    /// </summary>
    public static TostResult Independent(IReadOnlyList<double> oldValues, IReadOnlyList<double> newValues, double margin, double alpha = DefaultAlpha)
    {
        RequireTwo(oldValues.Count);
        RequireTwo(newValues.Count);
        double a = oldValues.Variance() / oldValues.Count;
        double b = newValues.Variance() / newValues.Count;
        double degrees = WelchDegreesOfFreedom(a, oldValues.Count, b, newValues.Count);
        return Test(newValues.Mean() - oldValues.Mean(), Math.Sqrt(a + b), degrees, margin, alpha);
    }

    /// <summary>
    /// Welch-Satterthwaite: (a + b)^2 / (a^2 / (n_a - 1) + b^2 / (n_b - 1)) where a and b are the squared standard
    /// errors of the two means; NaN when both are 0 (no spread at all: no t distribution is needed).
    /// </summary>
    public static double WelchDegreesOfFreedom(double a, int countA, double b, int countB)
    {
        double denominator = (a * a / (countA - 1)) + (b * b / (countB - 1));
        return denominator > 0 ? (a + b) * (a + b) / denominator : double.NaN;
    }

    /// <summary>
    /// The tests for an estimated difference with its standard error and degrees of freedom. With no spread
    /// (standard error 0) the difference is known exactly: equivalent when it lies inside (-m, +m) or is exactly 0
    /// (identical results, which a zero margin must still accept), with p-values 0 or 1.
    /// </summary>
    public static TostResult Test(double difference, double standardError, double degreesOfFreedom, double margin, double alpha = DefaultAlpha)
    {
        if (!(alpha > 0 && alpha < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie strictly between 0 and 0.5");
        }

        if (!(margin >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "the margin must be >= 0");
        }

        if (standardError == 0)
        {
            bool exact = difference == 0;
            double pLower = exact || difference > -margin ? 0 : 1;
            double pUpper = exact || difference < margin ? 0 : 1;
            return new TostResult(difference, 0, degreesOfFreedom, difference, difference, pLower, pUpper, pLower < alpha && pUpper < alpha);
        }

        double lowerStatistic = (difference + margin) / standardError;
        double upperStatistic = (difference - margin) / standardError;
        double pLow = 1 - StudentT.CDF(0, 1, degreesOfFreedom, lowerStatistic);
        double pHigh = StudentT.CDF(0, 1, degreesOfFreedom, upperStatistic);
        double half = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - alpha) * standardError;
        return new TostResult(difference, standardError, degreesOfFreedom, difference - half, difference + half, pLow, pHigh, pLow < alpha && pHigh < alpha);
    }

    private static void RequireTwo(int count)
    {
        if (count < 2)
        {
            throw new ArgumentException($"at least two replications per engine are needed for a test (got {count})");
        }
    }
}
