namespace Mobility.Output.Posterior;

using System.Globalization;
using System.Text;
using Mobility.Experiments.Posterior;

/// <summary>
/// The tables of a simulation-based calibration: <c>ranks.csv</c> (per data set: its true coefficients, the rank of
/// each among the posterior draws, the posterior's generations, final temperature, effective sample size and
/// simulations) and <c>uniformity.csv</c> (per coefficient: the bin counts, the chi-square statistic and p-value, the
/// Kolmogorov-Smirnov statistic and p-value, and the extreme ranks, 0 or L, with the count right posteriors give).
/// </summary>
public static class SbcFiles
{
    public const string RanksFile = "ranks.csv";
    public const string UniformityFile = "uniformity.csv";

    public static string RanksCsv(SbcResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var names = result.Prior.Coefficients.Select(p => p.Name).ToArray();
        var csv = new StringBuilder();
        csv.AppendJoin(',', new[] { "data_set" }.Concat(names.Select(n => "true_" + n)).Concat(names.Select(n => "rank_" + n))
            .Concat(["generations", "temperature", "ess", "simulations"])).Append('\n');
        foreach (SbcDataSet d in result.DataSets)
        {
            csv.AppendJoin(',', new[] { d.Index.ToString(c) }
                .Concat(d.Truth.Select(t => t.ToString("R", c)))
                .Concat(d.Ranks.Select(r => r.ToString(c)))
                .Concat([d.Generations.ToString(c), d.Temperature.ToString("R", c), d.EffectiveSampleSize.ToString("F1", c), d.Simulations.ToString(c)])).Append('\n');
        }

        return csv.ToString();
    }

    public static string UniformityCsv(SbcResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder();
        csv.AppendJoin(',', new[] { "coefficient", "data_sets", "draws" }.Concat(Enumerable.Range(0, result.Options.Bins).Select(b => $"bin_{b}"))
            .Concat(["chi_square", "p_value", "ks_statistic", "ks_p_value", "extreme_ranks", "expected_extreme_ranks"])).Append('\n');
        for (int k = 0; k < result.Prior.Dimension; k++)
        {
            var (statistic, p) = result.Uniformity(k);
            var (ks, ksP) = result.KolmogorovSmirnov(k);
            csv.AppendJoin(',', new[] { result.Prior.Coefficients[k].Path, result.DataSets.Count.ToString(c), result.Options.Draws.ToString(c) }
                .Concat(result.BinCounts(k).Select(n => n.ToString(c)))
                .Concat([statistic.ToString("R", c), p.ToString("R", c), ks.ToString("R", c), ksP.ToString("R", c), result.ExtremeRanks(k).ToString(c), result.ExpectedExtremeRanks.ToString("R", c)])).Append('\n');
        }

        return csv.ToString();
    }
}
