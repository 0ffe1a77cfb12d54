namespace Mobility.Tests.Equivalence;

using System.Globalization;
using Mobility.Cli;
using Mobility.Model.Metrics;
using Mobility.Output.Equivalence;
using Mobility.Tests.Cli;
using Mobility.Tests.Engine;
using Mobility.Tests.IO;
using Parquet;
using Parquet.Schema;

/// <summary>
/// <c>mobility equivalence</c>: it passes when the engines agree and fails (exit code 3) when the new one behaves
/// differently, on synthetic runs files, on real runs with a changed coefficient, and with both engines run as
/// child processes; bad input is exit code 2.
/// </summary>
public sealed class EquivalenceVerbTests
{
    private static readonly string Baseline = EngineTestKit.ScenarioPath("baseline");

    private static (int Code, string Out, string Err) Cli(params string[] args) => CliHarness.Run(args);

    /// <summary>
    /// A comparison's runs.parquet for the baseline: every headline metric of every member in 2030 and 2040,
    /// replications 1..R with value base x (1 + noise), the seed column as UINT64 (today) or INT64 (older engines).
    /// </summary>
    private static async Task WriteRunsAsync(string path, int replications, bool signedSeeds, Func<string, string, int, int, double> value)
    {
        var rows = (from r in Enumerable.Range(1, replications)
                    from year in new[] { 2030, 2040 }
                    from country in EngineTestKit.Members
                    from metric in MetricCatalogue.Headline
                    select (r, year, country, metric: metric.Name)).ToArray();
        DataField seedField = signedSeeds ? new DataField<long>("seed") : new DataField<ulong>("seed");
        var schema = new ParquetSchema(
            new DataField<string>("run_id", false), new DataField<string>("scenario", false), seedField, new DataField<int>("replicate"),
            new DataField<int>("year"), new DataField<string>("country", false), new DataField<string>("metric", false), new DataField<double>("value"));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        var f = schema.DataFields;
        await group.WriteAsync(f[0], rows.Select(x => $"baseline-{x.r}").ToArray());
        await group.WriteAsync(f[1], rows.Select(_ => "baseline").ToArray());
        if (signedSeeds)
        {
            await group.WriteAsync<long>(f[2], rows.Select(x => unchecked((long)Seed(x.r))).ToArray());
        }
        else
        {
            await group.WriteAsync<ulong>(f[2], rows.Select(x => Seed(x.r)).ToArray());
        }

        await group.WriteAsync<int>(f[3], rows.Select(x => x.r).ToArray());
        await group.WriteAsync<int>(f[4], rows.Select(x => x.year).ToArray());
        await group.WriteAsync(f[5], rows.Select(x => x.country).ToArray());
        await group.WriteAsync(f[6], rows.Select(x => x.metric).ToArray());
        await group.WriteAsync<double>(f[7], rows.Select(x => value(x.country, x.metric, x.year, x.r)).ToArray());
    }

    /// <summary>Seeds above 2^63, so that a signed column holds them as negative numbers.</summary>
    private static ulong Seed(int replicate) => 0xF000_0000_0000_0000UL + (ulong)replicate;

    private static double Synthetic(string country, string metric, int year, int replicate)
        => (1000 + (country[0] * 10) + metric.Length + (year - 2030)) * (1 + (0.01 * Math.Sin((replicate * 7) + metric.Length)));

    [Fact]
    public async Task Identical_runs_pass_and_a_shifted_metric_fails_with_exit_code_3()
    {
        using var temp = new TempFolder();
        string old = temp.File("old.parquet"), same = temp.File("same.parquet"), shifted = temp.File("shifted.parquet");
        await WriteRunsAsync(old, 6, signedSeeds: true, Synthetic);
        await WriteRunsAsync(same, 6, signedSeeds: false, Synthetic);

        // Kazakhstan's inbound students 5% higher in 2040 in every replication: beyond the margin of max(1%, sd/4).
        await WriteRunsAsync(shifted, 6, signedSeeds: false, (c, m, y, r) => Synthetic(c, m, y, r) * (c == "KAZ" && m == "inbound_students" && y == 2040 ? 1.05 : 1));

        var pass = Cli("equivalence", "--old-runs", old, "--new-runs", same, "--scenario", Baseline, "--design", "paired", "--out", temp.File("pass"));
        CliHarness.AssertSuccess(pass);
        Assert.Contains("70 of 70 tests pass", pass.Out);
        Assert.Contains("EQUIVALENT: every test passes", pass.Out);

        var fail = Cli("equivalence", "--old-runs", old, "--new-runs", shifted, "--scenario", Baseline, "--design", "paired", "--out", temp.File("fail"));
        Assert.True(fail.Code == ExitCodes.NotEquivalent, $"exit code {fail.Code}: {fail.Err}\n{fail.Out}");
        Assert.Contains("69 of 70 tests pass", fail.Out);
        Assert.Contains("NOT SHOWN EQUIVALENT: 1 of 70 tests fail (exit code 3)", fail.Out);

        // The failure is the table's first row.
        string firstRow = fail.Out.Split('\n').First(l => l.Contains("│ shifted", StringComparison.Ordinal) || l.Contains("│ pass", StringComparison.Ordinal));
        Assert.Contains("shifted", firstRow);
        Assert.Contains("KAZ: inbound students", firstRow);
        Assert.Contains("2040", firstRow);

        string[] csv = File.ReadAllLines(Path.Combine(temp.File("fail"), EquivalenceCsv.FileName));
        Assert.Equal(string.Join(',', EquivalenceCsv.Columns), csv[0]);
        Assert.StartsWith("scenario,country,metric,year,old_mean,new_mean,old_sd,new_sd,margin,diff,ci90_low,ci90_high,p_lower,p_upper,equivalent", csv[0]);
        Assert.Equal(71, csv.Length);
        string[] failed = Assert.Single(csv.Skip(1), l => l.Contains(",false,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["baseline", "KAZ", "inbound_students", "2040"], failed[..4]);
        Assert.Equal("shifted", failed[15]);
        double oldMean = double.Parse(failed[4], CultureInfo.InvariantCulture), diff = double.Parse(failed[9], CultureInfo.InvariantCulture);
        Assert.Equal(0.05 * oldMean, diff, 6);
    }

    /// <summary>
    /// Real runs: the baseline, then the baseline with a higher propensity to study abroad (degreeMobility:a0 from
    /// -3.6 to -3.0, 1.8 times the odds). The statistics must see the change; the same runs against themselves pass.
    /// </summary>
    [Fact]
    public void Real_runs_with_a_changed_coefficient_fail_and_the_same_runs_pass()
    {
        using var temp = new TempFolder();
        string[] coarse = ["--replications", "4", "--scale", "200", "--set", "scenario:endYear=2030", "--threads", "2"];
        CliHarness.AssertSuccess(Cli(["compare", Baseline, .. coarse, "--out", temp.File("old")]));
        CliHarness.AssertSuccess(Cli(["compare", Baseline, .. coarse, "--set", "degreeMobility:a0=-3.0", "--out", temp.File("new")]));
        string[] common = ["--scenario", Baseline, "--years", "2030", "--design", "paired"];

        var same = Cli(["equivalence", "--old-runs", temp.File("old"), "--new-runs", temp.File("old"), .. common, "--out", temp.File("same")]);
        CliHarness.AssertSuccess(same);

        var changed = Cli(["equivalence", "--old-runs", temp.File("old"), "--new-runs", temp.File("new"), .. common, "--out", temp.File("changed")]);
        Assert.True(changed.Code == ExitCodes.NotEquivalent, $"exit code {changed.Code}: {changed.Err}\n{changed.Out}");
        string[] rows = File.ReadAllLines(Path.Combine(temp.File("changed"), EquivalenceCsv.FileName));
        Assert.True(rows.Count(r => r.Contains(",shifted,", StringComparison.Ordinal)) >= 5, string.Join('\n', rows));
    }

    /// <summary>Both engines as child processes (the program of this test run as old and new): same seeds, identical runs, a pass.</summary>
    [Fact]
    public void Runs_both_engines_as_child_processes_and_keeps_their_outputs()
    {
        using var temp = new TempFolder();
        string engine = typeof(Program).Assembly.Location;
        string folder = temp.File("eq");

        var result = Cli("equivalence", "--old-cli", engine, "--scenario", Baseline, "--replications", "3", "--scale", "400",
            "--set", "scenario:endYear=2027", "--years", "2027", "--design", "paired", "--threads", "2", "--out", folder);

        CliHarness.AssertSuccess(result);
        Assert.Contains("old engine: compare, 1 scenarios x 3 replications at scale 400", result.Out);
        Assert.Contains("35 of 35 tests pass", result.Out);
        foreach (string who in new[] { "old", "new" })
        {
            Assert.True(File.Exists(Path.Combine(folder, who, "runs.parquet")), who);
            Assert.Contains(" compare ", File.ReadAllText(Path.Combine(folder, who + ".log")));
        }

        // The independent design on the same runs: the note says that the streams are shared.
        var independent = Cli("equivalence", "--old-runs", Path.Combine(folder, "old"), "--new-runs", Path.Combine(folder, "new"),
            "--scenario", Baseline, "--years", "2027", "--out", temp.File("independent"));
        Assert.Contains("bit-identical", independent.Out);
    }

    [Fact]
    public void An_unknown_git_ref_is_bad_input()
    {
        using var temp = new TempFolder();
        string previous = Environment.CurrentDirectory;
        var result = Cli("equivalence", "no-such-branch-7f3a", "--scenario", Baseline, "--out", temp.File("eq"));

        CliHarness.AssertBadInput(result, "OLD_GIT_REF 'no-such-branch-7f3a' names no commit");
        Assert.False(Directory.Exists(temp.File("eq")));
        Assert.Equal(previous, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Bad_options_and_files_are_bad_input_naming_the_problem()
    {
        using var temp = new TempFolder();
        string runs = temp.File("runs.parquet");
        await WriteRunsAsync(runs, 3, signedSeeds: false, Synthetic);
        string other = temp.File("other.parquet");
        await WriteRunsAsync(other, 3, signedSeeds: false, Synthetic);
        File.WriteAllText(temp.File("not.parquet"), "scenario,seed\n");
        string[] files = ["--old-runs", runs, "--new-runs", other, "--scenario", Baseline, "--out", temp.File("eq")];

        CliHarness.AssertBadInput(Cli("equivalence", "--scenario", Baseline), "the old engine is missing");
        CliHarness.AssertBadInput(Cli("equivalence", "main", "--old-runs", runs, "--scenario", Baseline), "exclude one another");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--years", "2030,20x0"]), "--years: '20x0' is not a year");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--years", "2050"]), "--years: 2050 is outside the reported years 2025-2040");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--metrics", "inbound_students,happiness"]), "--metrics: 'happiness' is not a metric name");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--countries", "KAZ,XXX"]), "--countries: 'XXX' is not a country code");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--replications", "1"]), "--replications must be >= 2");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--design", "crossed"]), "--design must be 'independent' or 'paired' (was 'crossed')");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--design", "paired", "--new-seed", "5"]), "--new-seed", "--design independent");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--ref-inputs"]), "--ref-inputs needs OLD_GIT_REF");
        CliHarness.AssertBadInput(Cli("equivalence", "--old-cli", temp.File("nowhere"), "--scenario", Baseline, "--out", temp.File("eq")), "--old-cli", "no mobility.dll");
        CliHarness.AssertBadInput(Cli("equivalence", "--old-runs", temp.File("not.parquet"), "--new-runs", other, "--scenario", Baseline, "--out", temp.File("eq")),
            "not.parquet: not a readable Parquet file");
        CliHarness.AssertBadInput(Cli("equivalence", "--old-runs", temp.File("absent.parquet"), "--new-runs", other, "--scenario", Baseline, "--out", temp.File("eq")),
            "absent.parquet: no such file");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--scenario", EngineTestKit.ScenarioPath("ucahes-full")]), "has no runs of 'ucahes-full'");
        CliHarness.AssertBadInput(Cli(["equivalence", .. files, "--years", "2035"]), "--years: 2035 is in neither runs file (they have 2030-2040 and 2030-2040)");
        Assert.False(Directory.Exists(temp.File("eq")));
    }

    [Fact]
    public async Task Runs_with_different_seeds_cannot_be_paired_but_can_be_tested_as_independent_samples()
    {
        using var temp = new TempFolder();
        string old = temp.File("old.parquet");
        await WriteRunsAsync(old, 4, signedSeeds: false, Synthetic);

        // Another engine's runs with other seeds (and integer columns as INT64).
        string shiftedSeeds = temp.File("seeds.parquet");
        await WriteRunsWithSeedOffsetAsync(shiftedSeeds);

        CliHarness.AssertBadInput(
            Cli("equivalence", "--old-runs", old, "--new-runs", shiftedSeeds, "--scenario", Baseline, "--design", "paired", "--out", temp.File("p")),
            "replication 1 ran with seed");
        var independent = Cli("equivalence", "--old-runs", old, "--new-runs", shiftedSeeds, "--scenario", Baseline, "--out", temp.File("i"));
        Assert.True(independent.Code is ExitCodes.Success or ExitCodes.NotEquivalent, independent.Err);
        Assert.Contains("independent design (Welch): 4 old and 4 new replications", independent.Out);
    }

    private static async Task WriteRunsWithSeedOffsetAsync(string path)
    {
        var schema = new ParquetSchema(
            new DataField<string>("scenario", false), new DataField<ulong>("seed"), new DataField<long>("replicate"), new DataField<long>("year"),
            new DataField<string>("country", false), new DataField<string>("metric", false), new DataField<double>("value"));
        var rows = (from r in Enumerable.Range(1, 4)
                    from year in new[] { 2030, 2040 }
                    from country in EngineTestKit.Members
                    from metric in MetricCatalogue.Headline
                    select (r, year, country, metric: metric.Name)).ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        var f = schema.DataFields;
        await group.WriteAsync(f[0], rows.Select(_ => "baseline").ToArray());
        await group.WriteAsync<ulong>(f[1], rows.Select(x => Seed(x.r) + 1000).ToArray());
        await group.WriteAsync<long>(f[2], rows.Select(x => (long)x.r).ToArray());
        await group.WriteAsync<long>(f[3], rows.Select(x => (long)x.year).ToArray());
        await group.WriteAsync(f[4], rows.Select(x => x.country).ToArray());
        await group.WriteAsync(f[5], rows.Select(x => x.metric).ToArray());
        await group.WriteAsync<double>(f[6], rows.Select(x => Synthetic(x.country, x.metric, x.year, 5 - x.r)).ToArray());
    }
}
