namespace Mobility.Tests.Cli;

using System.Globalization;
using System.Text.RegularExpressions;
using Mobility.Cli;
using Mobility.Experiments.Comparison;
using Mobility.Experiments.Runs;
using Mobility.Model.Metrics;
using Mobility.Output.Comparison;
using Mobility.Output.Files;
using Mobility.Reports.Comparison;
using Mobility.Tests.Engine;
using Mobility.Tests.IO;

/// <summary>
/// <c>mobility compare</c>, called in-process at a coarse scale (one agent per 100 persons, 2025-2029, three
/// replications): its files, its report, its independence from the thread count, and the scenarios it refuses.
/// </summary>
public partial class CompareVerbTests
{
    private static readonly string[] Coarse = ["--replications", "3", "--scale", "100", "--set", "scenario:endYear=2029"];

    private static (int Code, string Out, string Err) Cli(params string[] args) => CliHarness.Run(args);

    private static (int Code, string Out, string Err) Compare(string outFolder, int threads, params string[] scenarios)
        => Cli(["compare", .. scenarios.Select(EngineTestKit.ScenarioPath), .. Coarse, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", outFolder]);

    [Fact]
    public async Task Writes_runs_summary_and_a_report_whose_charts_and_numbers_match_the_summary()
    {
        using var temp = new TempFolder();
        string folder = temp.File("cmp");

        var (code, output, error) = Compare(folder, 2, "baseline", "ucahes-full");

        Assert.True(code == ExitCodes.Success, error + output);
        Assert.Contains("key effects vs baseline, 2029", output);
        Assert.Contains("report: ", output);

        // summary.csv and summary.parquet: the documented columns, one row per scenario, country, metric and horizon
        // (final and cumulative for every scenario, peak for those compared with the reference).
        string header = File.ReadLines(Path.Combine(folder, ComparisonOutput.SummaryCsvFile)).First();
        Assert.Equal("scenario,country,metric,horizon,mean,sd,ci_low,ci_high,diff,diff_low,diff_high,significant,variance_reduction,year", header);
        ParquetTable summary = await ParquetTableReader.ReadAsync(Path.Combine(folder, ComparisonOutput.SummaryFile));
        Assert.Equal(header.Split(','), summary.Columns.Select(c => c.Name));
        ParquetTable runs = await ParquetTableReader.ReadAsync(Path.Combine(folder, ComparisonOutput.RunsFile));
        Assert.Equal(["run_id", "scenario", "seed", "replicate", "year", "country", "metric", "value"], runs.Columns.Select(c => c.Name));

        // The seeds are unsigned: DuckDB reads replication 2's (above 2^63 for the baseline's seed) as the positive number it is.
        using (var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            duck.Open();
            using var query = duck.CreateCommand();
            query.CommandText = $"SELECT DISTINCT replicate, typeof(seed), seed FROM read_parquet('{Path.Combine(folder, ComparisonOutput.RunsFile)}') ORDER BY replicate";
            using var reader = query.ExecuteReader();
            ulong baseSeed = EngineTestKit.Load("baseline").Settings.Scenario.Seed;
            for (int r = 1; r <= 3; r++)
            {
                Assert.True(reader.Read());
                Assert.Equal(r, reader.GetInt32(0));
                Assert.Equal("UBIGINT", reader.GetString(1));
                Assert.Equal(ReplicationSeeds.Derive(baseSeed, r), reader.GetFieldValue<ulong>(2));
            }

            Assert.True(ReplicationSeeds.Derive(baseSeed, 2) > long.MaxValue, "the shipped seed's second replication seed is above 2^63, so the test sees one");
        }

        int countries = runs.Column<string>("country").Distinct().Count();
        int metrics = runs.Column<string>("metric").Distinct().Count();
        Assert.Equal((2 * countries * metrics * 2) + (countries * metrics), summary.Rows.Count);
        Assert.All(summary.Rows.Where(r => (string)r["horizon"]! == Horizons.Peak), r => Assert.Equal("ucahes-full", r["scenario"]));
        Assert.All(summary.Rows.Where(r => (string)r["horizon"]! == Horizons.Peak), r => Assert.InRange((int)r["year"]!, 2025, 2029));
        Assert.All(summary.Rows.Where(r => (string)r["horizon"]! == Horizons.Final), r => Assert.Equal(2029, r["year"]));
        Assert.All(summary.Rows.Where(r => (string)r["horizon"]! == Horizons.Cumulative), r => Assert.Null(r["year"]));
        Assert.Equal(File.ReadLines(Path.Combine(folder, ComparisonOutput.SummaryCsvFile)).Count() - 1, summary.Rows.Count);
        Assert.Equal([1, 2, 3], runs.Column<int>("replicate").Distinct().Order());
        Assert.Equal(2 * 3 * 5 * countries * metrics, runs.Rows.Count);
        Assert.All(summary.Rows.Where(r => (string)r["scenario"]! == "baseline"), r => Assert.Null(r["diff"]));
        Assert.All(summary.Rows.Where(r => (string)r["scenario"]! != "baseline"), r => Assert.NotNull(r["significant"]));

        // The report embeds every chart written to charts/, byte for byte, and no chart is missing.
        string html = File.ReadAllText(Path.Combine(folder, ComparisonReport.FileName));
        string[] chartFiles = Directory.GetFiles(Path.Combine(folder, ComparisonReport.ChartsFolder), "*.png").Select(Path.GetFileName).ToArray()!;
        var embedded = FigureRegex().Matches(html).ToDictionary(m => m.Groups[1].Value, m => Convert.FromBase64String(m.Groups[2].Value));
        Assert.Equal(chartFiles.Order(), embedded.Keys.Order());
        foreach (string chart in chartFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, ComparisonReport.ChartsFolder, chart)), embedded[chart]);
        }

        string[] expectedCharts =
        [
            .. MetricCatalogue.Charted.Select(m => $"timeseries-{m.Name}.png"),
            .. MetricCatalogue.Charted.Select(m => $"effects-{m.Name}.png"),
            "flows-baseline.png", "flows-ucahes-full.png", "ranks.png",
        ];
        Assert.Equal(expectedCharts.Order(), chartFiles.Order());
        // Self-contained: nothing but the embedded images refers outside the page (base64 may spell "http" by chance).
        Assert.DoesNotContain("http", Regex.Replace(html, "base64,[^\"]+", "base64,"));
        Assert.Contains("scenario:seed", html); // resolved settings
        Assert.Contains("Executive summary", html);

        // The headline effects table shows the values of summary.parquet, at the horizon and at the peak.
        var finalRows = summary.Rows.Where(r => (string)r["horizon"]! == Horizons.Final)
            .ToDictionary(r => ((string)r["scenario"]!, (string)r["country"]!, (string)r["metric"]!));
        var peakRows = summary.Rows.Where(r => (string)r["horizon"]! == Horizons.Peak)
            .ToDictionary(r => ((string)r["scenario"]!, (string)r["country"]!, (string)r["metric"]!));
        var tableRows = TableRows(html, ComparisonReport.EffectsTableId);
        Assert.Equal(EngineTestKit.Members.Length * MetricCatalogue.Headline.Count, tableRows.Count);
        foreach (string[] cells in tableRows)
        {
            var row = finalRows[(cells[0], cells[1], cells[2])];
            var reference = finalRows[("baseline", cells[1], cells[2])];
            var peak = peakRows[(cells[0], cells[1], cells[2])];
            var metric = MetricCatalogue.Get(cells[2]);
            AssertShown((double)reference["mean"]!, cells[3], "reference mean", metric);
            AssertShown((double)row["mean"]!, cells[4], "mean", metric);
            AssertShown((double)row["diff"]!, cells[5], "diff", metric);
            AssertShown((double)row["diff_low"]!, cells[6], "diff_low", metric);
            AssertShown((double)row["diff_high"]!, cells[7], "diff_high", metric);
            Assert.Equal((bool)row["significant"]! ? "yes" : "no", cells[8]);
            Assert.Equal(((int)peak["year"]!).ToString(CultureInfo.InvariantCulture), cells[10]);
            AssertShown((double)peak["diff"]!, cells[11], "diff at peak", metric);
        }
    }

    [Fact]
    public void The_summary_is_identical_for_any_thread_count()
    {
        using var temp = new TempFolder();

        var one = Compare(temp.File("t1"), 1, "baseline", "russia-shock");
        var two = Compare(temp.File("t2"), 2, "baseline", "russia-shock");

        Assert.True(one.Code == ExitCodes.Success, one.Err);
        Assert.True(two.Code == ExitCodes.Success, two.Err);
        Assert.Equal(File.ReadAllBytes(temp.File("t1/summary.parquet")), File.ReadAllBytes(temp.File("t2/summary.parquet")));
        Assert.Equal(File.ReadAllBytes(temp.File("t1/runs.parquet")), File.ReadAllBytes(temp.File("t2/runs.parquet")));
    }

    [Fact]
    public void Scenarios_with_different_horizons_are_refused_naming_both_and_the_setting()
    {
        using var temp = new TempFolder();
        string shorter = temp.Write("shorter.json", $$"""
            { "base": "{{Json(EngineTestKit.ScenarioPath("baseline"))}}", "scenario": { "name": "shorter", "endYear": 2035 } }
            """);

        var (code, output, error) = Cli("compare", EngineTestKit.ScenarioPath("baseline"), shorter, "--out", temp.File("out"));

        Assert.True(code == ExitCodes.BadInput, error + output);
        Assert.Contains("'shorter'", error);
        Assert.Contains("'baseline'", error);
        Assert.Contains("scenario:endYear is 2035 in 'shorter' but 2040 in 'baseline'", error);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Scenarios_on_different_worlds_are_refused_naming_both_and_the_setting()
    {
        using var temp = new TempFolder();
        string world = TestFiles.CopyWorld(temp.File("other-world"), TestFiles.ProjectWorld);
        TestFiles.SetCell(Path.Combine(world, "countries.csv"), "KAZ", "population", "21000000");
        string elsewhere = temp.Write("elsewhere.json", $$"""
            { "base": "{{Json(EngineTestKit.ScenarioPath("baseline"))}}", "scenario": { "name": "elsewhere", "world": "other-world" } }
            """);

        var (code, output, error) = Cli("compare", EngineTestKit.ScenarioPath("baseline"), elsewhere, "--out", temp.File("out"));

        Assert.True(code == ExitCodes.BadInput, error + output);
        Assert.Contains("'elsewhere'", error);
        Assert.Contains("'baseline'", error);
        Assert.Contains("different worlds: scenario:world", error);
    }

    [Fact]
    public void A_copy_of_the_same_world_is_the_same_world()
    {
        using var temp = new TempFolder();
        TestFiles.CopyWorld(temp.File("copy"), TestFiles.ProjectWorld);
        string copy = temp.Write("copy.json", $$"""
            { "base": "{{Json(EngineTestKit.ScenarioPath("baseline"))}}", "scenario": { "name": "copy", "world": "copy" } }
            """);

        var (code, output, error) = Cli(["compare", EngineTestKit.ScenarioPath("baseline"), copy, .. Coarse, "--out", temp.File("out")]);

        Assert.True(code == ExitCodes.Success, error + output);
    }

    [Fact]
    public void One_replication_is_refused()
    {
        using var temp = new TempFolder();
        var (code, _, error) = Cli("compare", EngineTestKit.ScenarioPath("baseline"), "--replications", "1", "--out", temp.File("out"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--replications must be >= 2", error);
    }

    private static string Json(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);

    /// <summary>A table cell shows a value to the precision of <see cref="ComparisonReport.Number"/>: whole persons, or four digits.</summary>
    private static void AssertShown(double expected, string cell, string what, Metric metric)
    {
        double shown = double.Parse(cell, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        double tolerance = Math.Abs(expected) >= 1000 || metric.IsWhole ? 0.5 : Math.Max(Math.Abs(expected) * 5e-4, 1e-12);
        Assert.True(Math.Abs(shown - expected) <= tolerance, $"{what}: table shows {cell}, summary.parquet has {expected}");
    }

    private static List<string[]> TableRows(string html, string id)
    {
        int start = html.IndexOf($"<table id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"table {id} not in the report");
        int end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        string body = html[start..end];
        return RowRegex().Matches(body)
            .Select(m => CellRegex().Matches(m.Groups[1].Value).Select(c => System.Net.WebUtility.HtmlDecode(TagRegex().Replace(c.Groups[1].Value, ""))).ToArray())
            .ToList();
    }

    [GeneratedRegex("<figure data-chart=\"([^\"]+)\"><img alt=\"[^\"]*\" src=\"data:image/png;base64,([^\"]+)\"/>")]
    private static partial Regex FigureRegex();

    [GeneratedRegex("<tr>((?:<td[^>]*>.*?</td>)+)</tr>")]
    private static partial Regex RowRegex();

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex CellRegex();

    /// <summary>Markup inside a cell (a scenario name kept on one line is wrapped in a span).</summary>
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();
}
