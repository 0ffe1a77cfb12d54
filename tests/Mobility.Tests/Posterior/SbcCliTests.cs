namespace Mobility.Tests.Posterior;

using System.Globalization;
using Mobility.Tests.IO;
using Mobility.Tests.Sweeps;

/// <summary>
/// The reduced simulation-based calibration that CI runs: <c>mobility sbc</c> on the posterior kit (the baseline at
/// one agent per 4000 persons, five 2025 figures, three coefficients), four data sets of six-particle posteriors.
/// Too few data sets to test uniformity; it checks what each data set yields, the tables and the chart, and that
/// the ranks do not depend on the thread count. The full run (50 data sets) is in docs/uncertainty.md.
/// </summary>
public class SbcCliTests
{
    [Fact]
    public void Ranks_every_truth_among_its_posterior_draws_the_same_on_one_and_two_threads()
    {
        using var temp = new TempFolder();
        string[] command(string folder, int threads) =>
        [
            "sbc", PosteriorKit.Scenario(temp), "--priors", PosteriorKit.Priors(temp), "--observations", PosteriorKit.Observations(temp),
            "--scale", "4000", "--data-sets", "4", "--particles", "6", "--generations", "2", "--draws", "4", "--bins", "5",
            "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", temp.File(folder),
        ];

        var one = SweepKit.Cli(command("one", 1));
        var two = SweepKit.Cli(command("two", 2));

        SweepKit.AssertSuccess(one);
        SweepKit.AssertSuccess(two);
        Assert.Equal(File.ReadAllText(temp.File("one/ranks.csv")), File.ReadAllText(temp.File("two/ranks.csv")));
        Assert.Contains("simulation-based calibration: 4 data sets", one.Out, StringComparison.Ordinal);

        string[] ranks = File.ReadAllLines(temp.File("one/ranks.csv"));
        string[] header = ranks[0].Split(',');
        Assert.Equal(5, ranks.Length);
        int[] rankColumns = Enumerable.Range(0, header.Length).Where(i => header[i].StartsWith("rank_", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, rankColumns.Length);
        foreach (string line in ranks.Skip(1))
        {
            string[] cells = line.Split(',');
            Assert.All(rankColumns, i => Assert.InRange(int.Parse(cells[i], CultureInfo.InvariantCulture), 0, 4));
            Assert.Equal("2", cells[Array.IndexOf(header, "generations")]); // generation 1 was filled, so the posterior is not the prior sample
        }

        // The truths differ between data sets: each drew its own from the prior.
        int truth = Array.IndexOf(header, "true_choice_bDistance");
        Assert.Equal(4, ranks.Skip(1).Select(l => l.Split(',')[truth]).Distinct().Count());

        string[] uniformity = File.ReadAllLines(temp.File("one/uniformity.csv"));
        Assert.Equal("coefficient,data_sets,draws,bin_0,bin_1,bin_2,bin_3,bin_4,chi_square,p_value,ks_statistic,ks_p_value,extreme_ranks,expected_extreme_ranks", uniformity[0]);
        Assert.Equal(4, uniformity.Length);
        foreach (string line in uniformity.Skip(1))
        {
            string[] cells = line.Split(',');
            Assert.Equal(4, cells.Skip(3).Take(5).Sum(c => int.Parse(c, CultureInfo.InvariantCulture)));
            Assert.InRange(double.Parse(cells[9], CultureInfo.InvariantCulture), 0, 1);
            Assert.InRange(double.Parse(cells[11], CultureInfo.InvariantCulture), 0, 1);
            Assert.InRange(int.Parse(cells[12], CultureInfo.InvariantCulture), 0, 4);
            Assert.Equal(4 * 2.0 / 5, double.Parse(cells[13], CultureInfo.InvariantCulture), 12);
        }

        byte[] png = File.ReadAllBytes(temp.File("one/sbc-ranks.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
    }

    [Fact]
    public void Bins_that_do_not_divide_the_ranks_exit_2_before_simulating()
    {
        using var temp = new TempFolder();

        var result = SweepKit.Cli("sbc", PosteriorKit.Scenario(temp), "--priors", PosteriorKit.Priors(temp), "--observations", PosteriorKit.Observations(temp),
            "--draws", "9", "--bins", "3", "--out", temp.File("sbc"));

        Assert.Equal(2, result.Code);
        Assert.Contains("--bins must be >= 2 and divide the 10 possible ranks", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("sbc")));
    }
}
