namespace Mobility.Tests.IO;

using System.Text.Json;
using Mobility.Engine.Measurement;
using Mobility.Input.Configuration;
using Mobility.Input;
using Mobility.Model.Metrics;
using Mobility.Output.Files;
using Mobility.Output.Runs;

public class ParquetOutputTests
{
    private static readonly RunIdentity Run = RunIdentity.Create("t", 42, 100);

    private static RunResult SampleResult(bool reversed = false)
    {
        MetricRecord[] metrics =
        [
            new(2025, "KAZ", MetricCatalogue.RegionalImage.Name, 0.61),
            new(2025, "UZB", MetricCatalogue.RegionalImage.Name, 0.55),
            new(2025, "KAZ", MetricCatalogue.InboundStudents.Name, 41000),
            new(2026, "KAZ", MetricCatalogue.RegionalImage.Name, 0.62),
        ];
        FlowRecord[] flows =
        [
            new(2025, "KAZ", "RUS", "degree", 12000),
            new(2025, "KAZ", "RUS", "credit", 300.5),
            new(2025, "UZB", "KAZ", "scholar", 12),
        ];
        StockRecord[] stocks =
        [
            new(2025, "KAZ", "RUS", 65000),
            new(2025, "TJK", "RUS", 30000),
        ];
        UniversityRecord[] universities =
        [
            new(2025, "KAZ-KAZNU", "KAZ", 55.5, 160, 25000, 3400, 120),
            new(2025, "KAZ-OTHER", "KAZ", 10.0, null, 550000, 20000, 800),
        ];
        if (reversed)
        {
            Array.Reverse(metrics);
            Array.Reverse(flows);
            Array.Reverse(stocks);
            Array.Reverse(universities);
        }

        var statistics = new RunStatistics { InitSeconds = 1.5, SimulateSeconds = 10, AgentYears = 5_000_000, YearsSimulated = 14 };
        statistics.PhaseSeconds["choice"] = 4;
        return new RunResult { Metrics = metrics, Flows = flows, Stocks = stocks, Universities = universities, Statistics = statistics, Ledger = [] };
    }

    [Fact]
    public void Run_id_is_deterministic()
    {
        Assert.Equal("t-s42-k100", Run.RunId);
        Assert.Equal("baseline-s1-k1", RunIdentity.FormatRunId("baseline", 1, 1));
        Assert.Equal("x-s18446744073709551615-k0.5", RunIdentity.FormatRunId("x", ulong.MaxValue, 0.5));
    }

    [Fact]
    public async Task Seeds_above_2_to_the_63_read_back_positive_in_DuckDB()
    {
        // Half of all replication seeds are above 2^63: as a signed INT64 they read back negative in DuckDB and pandas.
        const ulong seed = (1UL << 63) + 12345;
        using var temp = new TempFolder();
        await ParquetOutput.WriteAllAsync(temp.Path, RunIdentity.Create("t", seed, 100), SampleResult());

        using var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var query = duck.CreateCommand();
        query.CommandText = $"SELECT DISTINCT typeof(seed), seed FROM read_parquet('{temp.File(ParquetOutput.MetricsFile)}')";
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("UBIGINT", reader.GetString(0));
        Assert.Equal(seed, reader.GetFieldValue<ulong>(1));
        Assert.False(reader.Read());

        ParquetTable table = await ParquetTableReader.ReadAsync(temp.File(ParquetOutput.MetricsFile));
        Assert.All(table.Rows, r => Assert.Equal(seed, r["seed"]));
    }

    [Fact]
    public async Task Metrics_round_trip_with_the_documented_schema()
    {
        using var temp = new TempFolder();
        await ParquetOutput.WriteAllAsync(temp.Path, Run, SampleResult());

        ParquetTable table = await ParquetTableReader.ReadAsync(temp.File(ParquetOutput.MetricsFile));

        Assert.Equal(
            [("run_id", typeof(string)), ("scenario", typeof(string)), ("seed", typeof(ulong)), ("year", typeof(int)),
             ("country", typeof(string)), ("metric", typeof(string)), ("value", typeof(double))],
            table.Columns.Select(c => (c.Name, c.ClrType)));
        Assert.Equal(4, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal("t-s42-k100", r["run_id"]));
        Assert.All(table.Rows, r => Assert.Equal("t", r["scenario"]));
        Assert.All(table.Rows, r => Assert.Equal(42UL, r["seed"]));

        // Sorted by year, country, metric.
        Assert.Equal(
            [(2025, "KAZ", "inbound_students", 41000.0), (2025, "KAZ", "regional_image", 0.61), (2025, "UZB", "regional_image", 0.55), (2026, "KAZ", "regional_image", 0.62)],
            table.Rows.Select(r => ((int)r["year"]!, (string)r["country"]!, (string)r["metric"]!, (double)r["value"]!)));
    }

    [Fact]
    public async Task Flows_stocks_and_universities_round_trip()
    {
        using var temp = new TempFolder();
        await ParquetOutput.WriteAllAsync(temp.Path, Run, SampleResult());

        var flows = await ParquetTableReader.ReadAsync(temp.File(ParquetOutput.FlowsFile));
        Assert.Equal(["run_id", "year", "origin", "destination", "kind", "persons"], flows.Columns.Select(c => c.Name));
        Assert.Equal(
            [("KAZ", "RUS", "credit", 300.5), ("KAZ", "RUS", "degree", 12000.0), ("UZB", "KAZ", "scholar", 12.0)],
            flows.Rows.Select(r => ((string)r["origin"]!, (string)r["destination"]!, (string)r["kind"]!, (double)r["persons"]!)));

        var stocks = await ParquetTableReader.ReadAsync(temp.File(ParquetOutput.StocksFile));
        Assert.Equal(["run_id", "year", "origin", "destination", "students"], stocks.Columns.Select(c => c.Name));
        Assert.Equal([65000.0, 30000.0], stocks.Column<double>("students"));

        var universities = await ParquetTableReader.ReadAsync(temp.File(ParquetOutput.UniversitiesFile));
        Assert.Equal(
            ["run_id", "year", "university", "country", "composite", "rank", "students", "intl_students", "intl_staff"],
            universities.Columns.Select(c => c.Name));
        var rank = universities.Columns.Single(c => c.Name == "rank");
        Assert.Equal(typeof(int), rank.ClrType);
        Assert.True(rank.IsNullable);
        Assert.Equal([160, null], universities.Rows.Select(r => (int?)r["rank"]));
        Assert.Equal([3400.0, 20000.0], universities.Column<double>("intl_students"));
        Assert.Equal([120.0, 800.0], universities.Column<double>("intl_staff"));
    }

    [Fact]
    public async Task Output_bytes_do_not_depend_on_record_order()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        await ParquetOutput.WriteAllAsync(a.Path, Run, SampleResult());
        await ParquetOutput.WriteAllAsync(b.Path, Run, SampleResult(reversed: true));

        foreach (string file in new[] { ParquetOutput.MetricsFile, ParquetOutput.FlowsFile, ParquetOutput.StocksFile, ParquetOutput.UniversitiesFile })
        {
            Assert.Equal(File.ReadAllBytes(a.File(file)), File.ReadAllBytes(b.File(file)));
        }
    }

    [Fact]
    public async Task Empty_tables_are_valid_files()
    {
        using var temp = new TempFolder();
        var empty = new RunResult { Metrics = [], Flows = [], Stocks = [], Universities = [], Statistics = new RunStatistics(), Ledger = [] };
        await ParquetOutput.WriteAllAsync(temp.Path, Run, empty);

        var table = await ParquetTableReader.ReadAsync(temp.File(ParquetOutput.MetricsFile));
        Assert.Empty(table.Rows);
        Assert.Equal(7, table.Columns.Count);
    }

    [Fact]
    public async Task Manifest_records_the_run()
    {
        using var temp = new TempFolder();
        string scenarioPath = TestFiles.WriteBaseScenario(temp);
        LoadedScenario scenario = ScenarioLoader.Load(scenarioPath, new ScenarioLoadOptions { Environment = new Dictionary<string, string>() });
        string outFolder = temp.File("out");
        Directory.CreateDirectory(outFolder);
        var started = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        await RunOutputWriter.WriteAsync(outFolder, scenario, Run, SampleResult(), 2, started, started.AddSeconds(12));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, ManifestWriter.FileName)));
        var root = json.RootElement;
        Assert.Equal("t-s42-k100", root.GetProperty("run_id").GetString());
        Assert.Equal("t", root.GetProperty("scenario").GetString());
        Assert.Equal(Path.GetFullPath(scenarioPath), root.GetProperty("scenario_files")[0].GetString());
        Assert.Equal(42UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(100, root.GetProperty("scale").GetDouble());
        Assert.Equal(2, root.GetProperty("threads").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("engine_version").GetString()));
        Assert.Equal(started, root.GetProperty("started_utc").GetDateTimeOffset());
        var timings = root.GetProperty("timings");
        Assert.Equal(12, timings.GetProperty("wall_seconds").GetDouble());
        Assert.Equal(1.5, timings.GetProperty("init_seconds").GetDouble());
        Assert.Equal(500_000, timings.GetProperty("agents_per_second").GetDouble());
        Assert.Equal(4, timings.GetProperty("phase_seconds").GetProperty("choice").GetDouble());
        Assert.Equal("-3.5", root.GetProperty("configuration").GetProperty("degreeMobility:a0").GetString());
        var world = root.GetProperty("world");
        Assert.Equal(scenario.WorldFolder, world.GetProperty("folder").GetString());
        Assert.Equal(FileHash.Sha256(Path.Combine(scenario.WorldFolder, "pairs.csv")), world.GetProperty("files").GetProperty("pairs.csv").GetString());
        Assert.Equal(64, world.GetProperty("files").GetProperty("countries.csv").GetString()!.Length);
        Assert.Equal(4, root.GetProperty("outputs").EnumerateObject().Count());
    }

    [Fact]
    public void Atomic_directory_appears_only_on_commit()
    {
        using var temp = new TempFolder();
        string target = temp.File("runs/a");

        using (var output = AtomicOutputDirectory.Begin(target, force: false))
        {
            File.WriteAllText(Path.Combine(output.WorkingPath, "x.txt"), "new");
            Assert.False(Directory.Exists(target));
            Assert.StartsWith(temp.File("runs/.a.tmp-"), output.WorkingPath, StringComparison.Ordinal);
            output.Commit();
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "x.txt")));
        Assert.Equal(["a"], Directory.GetFileSystemEntries(temp.File("runs")).Select(Path.GetFileName));
    }

    [Fact]
    public void Atomic_directory_refuses_an_existing_folder_without_force()
    {
        using var temp = new TempFolder();
        string target = temp.File("runs/a");
        Directory.CreateDirectory(target);

        var ex = Assert.Throws<OutputExistsException>(() => AtomicOutputDirectory.Begin(target, force: false));
        Assert.IsAssignableFrom<InputException>(ex);
        Assert.Contains("--force", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atomic_directory_replaces_only_when_complete_with_force()
    {
        using var temp = new TempFolder();
        string target = temp.File("runs/a");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "old.txt"), "old");

        using (var abandoned = AtomicOutputDirectory.Begin(target, force: true))
        {
            File.WriteAllText(Path.Combine(abandoned.WorkingPath, "new.txt"), "new");

            // Not committed (e.g. the run failed): the old folder stays as it was, the temporary one goes.
        }

        Assert.Equal(["old.txt"], Directory.GetFiles(target).Select(Path.GetFileName));

        using (var output = AtomicOutputDirectory.Begin(target, force: true))
        {
            File.WriteAllText(Path.Combine(output.WorkingPath, "new.txt"), "new");
            Assert.True(File.Exists(Path.Combine(target, "old.txt")));
            output.Commit();
        }

        Assert.Equal(["new.txt"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal(["a"], Directory.GetFileSystemEntries(temp.File("runs")).Select(Path.GetFileName));
    }

    /// <summary>A process other than this one that is certainly alive: init (1) on Unix, System (4) on Windows.</summary>
    private static int AlivePid => OperatingSystem.IsWindows() ? 4 : 1;

    [Fact]
    public void Stale_temporary_folders_of_dead_processes_are_removed()
    {
        using var temp = new TempFolder();
        string runs = temp.File("runs");
        string deadPid = "999999999";
        Directory.CreateDirectory(Path.Combine(runs, $".a.tmp-{deadPid}"));
        Directory.CreateDirectory(Path.Combine(runs, $".a.old-{deadPid}"));
        string alive = Path.Combine(runs, $".a.tmp-{AlivePid}");
        Directory.CreateDirectory(alive);
        Directory.CreateDirectory(Path.Combine(runs, $".b.tmp-{deadPid}"));

        using (var output = AtomicOutputDirectory.Begin(Path.Combine(runs, "a"), force: false))
        {
            output.Commit();
        }

        var left = Directory.GetDirectories(runs).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(new[] { Path.GetFileName(alive), ".b.tmp-999999999", "a" }.Order(), left);
    }
}
