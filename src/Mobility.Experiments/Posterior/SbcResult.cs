namespace Mobility.Experiments.Posterior;

using MathNet.Numerics.Distributions;
using Mobility.Model.Uncertainty;

/// <summary>
/// The ranks of a simulation-based calibration and their test of uniformity. If the posteriors are right, the rank of
/// a true value drawn from the prior is uniform on 0..L (Talts, Betancourt, Simpson, Vehtari and Gelman 2018);
/// a hump in the middle says the posteriors are too wide, a U that they are too narrow, a slope that they are biased.
/// </summary>
public sealed record SbcResult(JointPrior Prior, SbcOptions Options, IReadOnlyList<SbcDataSet> DataSets)
{
    /// <summary>The rank counts of coefficient <paramref name="k"/> in <see cref="SbcOptions.Bins"/> equal bins of ranks.</summary>
    public int[] BinCounts(int k)
    {
        var counts = new int[Options.Bins];
        int width = (Options.Draws + 1) / Options.Bins;
        foreach (SbcDataSet d in DataSets)
        {
            counts[d.Ranks[k] / width]++;
        }

        return counts;
    }

    /// <summary>Pearson's chi-square statistic of the bin counts against equal counts, and its p-value (bins - 1 degrees of freedom; MathNet).</summary>
    public (double Statistic, double PValue) Uniformity(int k)
    {
        int[] counts = BinCounts(k);
        double expected = DataSets.Count / (double)counts.Length;
        double statistic = counts.Sum(c => (c - expected) * (c - expected) / expected);
        return (statistic, 1 - ChiSquared.CDF(counts.Length - 1, statistic));
    }

    /// <summary>How many data sets ranked coefficient <paramref name="k"/>'s truth at an extreme (0 or L: below or above every draw).</summary>
    public int ExtremeRanks(int k) => DataSets.Count(d => d.Ranks[k] == 0 || d.Ranks[k] == Options.Draws);

    /// <summary>The extreme ranks expected of right posteriors: 2 / (L + 1) of the data sets (more says the posteriors are too narrow).</summary>
    public double ExpectedExtremeRanks => DataSets.Count * 2.0 / (Options.Draws + 1);

    /// <summary>
    /// Kolmogorov-Smirnov test of the ranks against the discrete uniform on 0..L: D = max over r of |F_n(r) - (r + 1) / (L + 1)|,
    /// its p-value from Kolmogorov's limiting distribution with Stephens' (1970) small-sample correction,
    /// P(K > (sqrt n + 0.12 + 0.11 / sqrt n) D). For a discrete distribution that p-value is conservative (too large;
    /// Noether 1963): the test complements the chi-square, more sensitive to a shift (a biased posterior) than to a U.
    /// MathNet has no KS test, hence the series here.
    /// </summary>
    public (double Statistic, double PValue) KolmogorovSmirnov(int k)
    {
        int n = DataSets.Count, levels = Options.Draws + 1;
        var counts = new int[levels];
        foreach (SbcDataSet d in DataSets)
        {
            counts[d.Ranks[k]]++;
        }

        double statistic = 0, cumulative = 0;
        for (int r = 0; r < levels; r++)
        {
            cumulative += counts[r];
            statistic = Math.Max(statistic, Math.Abs((cumulative / n) - ((r + 1.0) / levels)));
        }

        double root = Math.Sqrt(n);
        return (statistic, KolmogorovSurvival((root + 0.12 + (0.11 / root)) * statistic));
    }

    /// <summary>P(K > x) for Kolmogorov's distribution: 2 sum_{j >= 1} (-1)^(j-1) exp(-2 j^2 x^2), 1 for small x.</summary>
    private static double KolmogorovSurvival(double x)
    {
        if (x < 0.2)
        {
            return 1;
        }

        double sum = 0;
        for (int j = 1; j <= 100; j++)
        {
            double term = Math.Exp(-2.0 * j * j * x * x);
            sum += (j % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-16)
            {
                break;
            }
        }

        return Math.Clamp(2 * sum, 0, 1);
    }
}
