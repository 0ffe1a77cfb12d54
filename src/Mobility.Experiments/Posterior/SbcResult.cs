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
}
