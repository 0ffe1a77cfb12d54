namespace Mobility.Experiments.Sensitivity;

using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

/// <summary>
/// Sobol indices from model outputs on the Saltelli scheme (see <see cref="Sampling.SaltelliDesign"/>):
/// first order with the estimator of Saltelli et al. (2010), S_i = mean(f(B) (f(AB_i) - f(A))) / V (with f(B) centred on
/// the mean of f over A and B), and total with
/// Jansen's (1999), ST_i = mean((f(A) - f(AB_i))^2) / (2 V), where V is the variance of f over A and B together.
/// 95% intervals are bootstrap percentiles over the n base rows (resampled with replacement, the same rows for
/// every matrix, as the estimators pair them).
/// </summary>
public static class SobolEstimator
{
    public const int DefaultResamples = 1000;

    /// <param name="names">Parameter names, k of them.</param>
    /// <param name="fA">f on the rows of A (n values).</param>
    /// <param name="fB">f on the rows of B (n values).</param>
    /// <param name="fAB">f on the rows of AB_i, per parameter i (k arrays of n values).</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">Seed of the bootstrap draws (the same seed gives the same intervals).</param>
    public static SobolIndex[] Estimate(
        IReadOnlyList<string> names, double[] fA, double[] fB, double[][] fAB, int resamples = DefaultResamples, int seed = 1)
    {
        int n = fA.Length;
        int k = names.Count;
        if (n < 2 || fB.Length != n || fAB.Length != k || fAB.Any(c => c.Length != n))
        {
            throw new ArgumentException("Sobol estimation needs at least 2 base rows and matching A, B and AB_i outputs");
        }

        var all = Enumerable.Range(0, n).ToArray();
        var (first, total) = Indices(fA, fB, fAB, all);
        var firstDraws = new double[k][];
        var totalDraws = new double[k][];
        for (int i = 0; i < k; i++)
        {
            firstDraws[i] = new double[resamples];
            totalDraws[i] = new double[resamples];
        }

        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var rows = new int[n];
        for (int b = 0; b < resamples; b++)
        {
            for (int j = 0; j < n; j++)
            {
                rows[j] = random.Next(n);
            }

            var (s1, st) = Indices(fA, fB, fAB, rows);
            for (int i = 0; i < k; i++)
            {
                firstDraws[i][b] = s1[i];
                totalDraws[i][b] = st[i];
            }
        }

        var indices = new SobolIndex[k];
        for (int i = 0; i < k; i++)
        {
            var (fl, fh) = Interval(firstDraws[i]);
            var (tl, th) = Interval(totalDraws[i]);
            indices[i] = new SobolIndex(names[i], first[i], fl, fh, total[i], tl, th);
        }

        return indices;
    }

    private static (double[] First, double[] Total) Indices(double[] fA, double[] fB, double[][] fAB, int[] rows)
    {
        int k = fAB.Length;
        int n = rows.Length;
        double sum = 0;
        double sumSquares = 0;
        foreach (int j in rows)
        {
            sum += fA[j] + fB[j];
            sumSquares += fA[j] * fA[j] + fB[j] * fB[j];
        }

        double mean = sum / (2 * n);
        double variance = sumSquares / (2 * n) - mean * mean;
        var first = new double[k];
        var total = new double[k];
        for (int i = 0; i < k; i++)
        {
            double s = 0;
            double t = 0;
            double[] ab = fAB[i];
            foreach (int j in rows)
            {
                // Centred f(B): the same expectation (E f(AB_i) = E f(A)), far less noise when the mean is large
                // against the spread, as for model outputs that vary by a fraction of a percent.
                s += (fB[j] - mean) * (ab[j] - fA[j]);
                double d = fA[j] - ab[j];
                t += d * d;
            }

            // A constant output has no variance to apportion: the indices are undefined (NaN), not zero.
            first[i] = variance > 0 ? s / n / variance : double.NaN;
            total[i] = variance > 0 ? t / (2 * n) / variance : double.NaN;
        }

        return (first, total);
    }

    /// <summary>
    /// The 2.5% and 97.5% percentiles of the bootstrap draws. Draws that are undefined (a resample of a tiny sweep whose
    /// outputs are all equal) are left out; with none defined, the interval is undefined too.
    /// </summary>
    internal static (double Low, double High) Interval(double[] draws)
    {
        double[] finite = draws.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? (double.NaN, double.NaN) : (Statistics.Quantile(finite, 0.025), Statistics.Quantile(finite, 0.975));
    }
}
