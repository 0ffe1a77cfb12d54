namespace Mobility.Tests.Cli;

using System.Globalization;
using Mobility.Output.Comparison;
using Mobility.Output.Files;
using Mobility.Output.Sweeps;
using Mobility.Tests.Engine;
using Mobility.Tests.IO;
using Parquet.Schema;

/// <summary>
/// <c>mobility compare --posterior</c> at a coarse scale (one agent per 1000 persons, two spin-up years, 2025-2026):
/// every scenario of a replication runs the same posterior draw with the same seed, the results do not depend on the
/// thread count, and a bad posterior file is refused naming the file and the column.
/// </summary>
public class ComparePosteriorTests
{
    private static readonly string[] Coarse = ["--scale", "1000", "--set", "scenario:endYear=2026", "--set", "scenario:spinUpYears=2"];

    [Fact]
    public async Task Every_scenario_of_a_replication_runs_the_same_draw_and_seed_on_any_thread_count()
    {
        using var temp = new TempFolder();
        string posterior = await WritePosteriorAsync(temp, "posterior.parquet", ["choice_bDistance", "degreeMobility_outsideOptionUtility"],
            [[0.3, 4.0], [0.6, 5.9], [1.2, 8.0]], [0.2, 0.5, 0.3]);

        // A copy of the baseline: its runs equal the baseline's exactly when both get the same draw and seed.
        string copy = temp.Write("copy.json", $$"""{ "base": "{{EngineTestKit.ScenarioPath("baseline").Replace("\\", "/", StringComparison.Ordinal)}}", "scenario": { "name": "copy" } }""");
        string[] command(string folder, int threads) =>
        [
            "compare", EngineTestKit.ScenarioPath("baseline"), copy, "--posterior", posterior, "--draws", "4", "--replications", "2",
            .. Coarse, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", temp.File(folder),
        ];

        var one = CliHarness.Run(command("one", 1));
        var two = CliHarness.Run(command("two", 2));

        CliHarness.AssertSuccess(one);
        CliHarness.AssertSuccess(two);
        Assert.Contains("4 posterior draws x 2 paired replications, 90% credible intervals", one.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(temp.File("one/summary.csv")), File.ReadAllBytes(temp.File("two/summary.csv")));

        string header = File.ReadLines(temp.File("one/summary.csv")).First();
        Assert.EndsWith(",year,total_low,total_high,share_coefficients,share_noise,probability_positive", header, StringComparison.Ordinal);

        ParquetTable runs = await ParquetTableReader.ReadAsync(temp.File("one/" + ComparisonOutput.RunsFile));
        Assert.Equal(["run_id", "scenario", "seed", "replicate", "year", "country", "metric", "value", "draw", "particle"], runs.Columns.Select(c => c.Name));
        var byRun = runs.Rows.GroupBy(r => ((string)r["scenario"]!, (int)r["replicate"]!))
            .ToDictionary(g => g.Key, g => (Seed: (ulong)g.First()["seed"]!, Draw: (int)g.First()["draw"]!, Particle: (int)g.First()["particle"]!,
                Values: g.ToDictionary(r => ((int)r["year"]!, (string)r["country"]!, (string)r["metric"]!), r => (double)r["value"]!)));
        Assert.Equal(16, byRun.Count);
        for (int r = 1; r <= 8; r++)
        {
            var a = byRun[("baseline", r)];
            var b = byRun[("copy", r)];
            Assert.Equal((r - 1) / 2, a.Draw);
            Assert.Equal((a.Seed, a.Draw, a.Particle), (b.Seed, b.Draw, b.Particle));
            Assert.Equal(a.Values, b.Values);
        }

        // Systematic resampling of weights 0.2, 0.5, 0.3 into 4 draws: particle 1 twice, the others once or twice.
        int[] particles = Enumerable.Range(0, 4).Select(d => byRun[("baseline", (2 * d) + 1)].Particle).ToArray();
        Assert.Equal(2, particles.Count(p => p == 1));

        // The draws' coefficients matter: the baseline's inbound students to Kazakhstan differ between particles.
        var kazakhstan = Enumerable.Range(1, 8).Select(r => byRun[("baseline", r)].Values[(2026, "KAZ", "inbound_students")]).ToArray();
        Assert.True(kazakhstan.Distinct().Count() > 2);

        // Paired exactly, the copy's effects are zero in every draw: no interval, no positive draw, nothing to split.
        string[] columns = header.Split(',');
        Assert.All(File.ReadLines(temp.File("one/summary.csv")).Skip(1).Where(l => l.StartsWith("copy,", StringComparison.Ordinal)).Select(l => l.Split(',')), cells =>
        {
            string cell(string name) => cells[Array.IndexOf(columns, name)];
            Assert.Equal(["0", "0", "0", "0", "", "", "0", "false"],
                [cell("diff"), cell("diff_low"), cell("total_low"), cell("total_high"), cell("share_coefficients"), cell("share_noise"), cell("probability_positive"), cell("significant")]);
        });
    }

    [Fact]
    public async Task A_posterior_naming_an_unknown_coefficient_or_with_weights_not_summing_to_one_exits_2()
    {
        using var temp = new TempFolder();
        string unknown = await WritePosteriorAsync(temp, "unknown.parquet", ["choice_bNetwrk"], [[0.3], [0.4]], [0.5, 0.5]);
        string unnormalised = await WritePosteriorAsync(temp, "weights.parquet", ["choice_bNetwork"], [[0.3], [0.4]], [0.5, 0.7]);
        string baseline = EngineTestKit.ScenarioPath("baseline");

        CliHarness.AssertBadInput(
            CliHarness.Run(["compare", baseline, "--posterior", unknown, "--out", temp.File("a"), .. Coarse]), "unknown.parquet", "choice:bNetwrk");
        CliHarness.AssertBadInput(
            CliHarness.Run(["compare", baseline, "--posterior", unnormalised, "--out", temp.File("b"), .. Coarse]), "weights.parquet", "column weight must sum to 1");
        CliHarness.AssertBadInput(
            CliHarness.Run(["compare", baseline, "--posterior", temp.File("missing.parquet"), "--out", temp.File("c"), .. Coarse]), "missing.parquet", "not found");
        CliHarness.AssertBadInput(CliHarness.Run(["compare", baseline, "--draws", "5", "--out", temp.File("d"), .. Coarse]), "--draws needs --posterior");
        Assert.False(Directory.Exists(temp.File("a")) || Directory.Exists(temp.File("b")) || Directory.Exists(temp.File("c")) || Directory.Exists(temp.File("d")));
    }

    /// <summary>A posterior file laid out as <c>mobility posterior</c> writes it.</summary>
    private static async Task<string> WritePosteriorAsync(TempFolder temp, string name, string[] coefficients, double[][] thetas, double[] weights)
    {
        var schema = new ParquetSchema(
            new Field[] { new DataField<int>("generation"), new DataField<int>("draw"), new DataField<double>("weight"), new DataField<double>("distance") }
                .Concat(coefficients.Select(c => new DataField<double>(c))).ToArray());
        Array[] columns =
        [
            new int[weights.Length], Enumerable.Range(0, weights.Length).ToArray(), weights, new double[weights.Length],
            .. coefficients.Select((_, k) => (Array)thetas.Select(t => t[k]).ToArray()),
        ];
        string path = temp.File(name);
        await SweepParquet.WriteAsync(path, schema, [columns]);
        return path;
    }
}
