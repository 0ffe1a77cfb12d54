namespace Mobility.Tests.Sweeps;

using Mobility.Cli;
using Mobility.Output.Files;
using Mobility.Output.Sweeps;
using Mobility.Tests.IO;

public class SweepRunTests
{
    private static async Task<int[]> RunIds(string parquet)
        => (await ParquetTableReader.ReadAsync(parquet)).Column<int>("run_id").Distinct().Order().ToArray();

    [Fact]
    public async Task Shards_run_merge_and_read_back_with_every_run_once()
    {
        using var temp = new TempFolder();
        string dir = SweepKit.Plan(temp, SweepKit.WriteDesign(temp, samples: 5));

        SweepKit.AssertSuccess(SweepKit.Cli("sweep", "run", dir, "--shard", "0/2", "--threads", "2"));
        SweepKit.AssertSuccess(SweepKit.Cli("sweep", "run", dir, "--shard", "1/2", "--threads", "2"));
        var merge = SweepKit.Cli("merge", dir);

        SweepKit.AssertSuccess(merge);
        Assert.Equal(new[] { 0, 2, 4 }, await RunIds(Path.Combine(dir, "shards", "part-0.parquet")));
        Assert.Equal(new[] { 1, 3 }, await RunIds(Path.Combine(dir, "shards", "part-1.parquet")));
        ParquetTable results = await ParquetTableReader.ReadAsync(Path.Combine(dir, "results.parquet"));
        Assert.Equal(["run_id", "point", "replicate", "seed", "a0", "grants", "year", "country", "metric", "value"], results.Columns.Select(c => c.Name));
        // 5 runs x 2 metrics x 2 countries x 1 year.
        Assert.Equal(20, results.Rows.Count);
        Assert.Equal([0, 1, 2, 3, 4], results.Column<int>("run_id").Distinct().Order());
        Assert.All(results.Column<int>("year"), y => Assert.Equal(2026, y));
        Assert.Contains("all 5 planned runs present exactly once", merge.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "shards", "part-0")), "chunks are removed once consolidated");

        // An independent reader (DuckDB) sees the same table.
        using var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var query = duck.CreateCommand();
        query.CommandText = $"SELECT count(*), count(DISTINCT run_id), sum(grants), min(metric) FROM read_parquet('{Path.Combine(dir, "results.parquet")}')";
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(20L, reader.GetInt64(0));
        Assert.Equal(5L, reader.GetInt64(1));
        Assert.Equal(results.Column<double>("grants").Sum(), reader.GetDouble(2), 6);
        Assert.Equal("inbound_students", reader.GetString(3));

        // Seeds are unsigned in every sweep file, as in the run and comparison files.
        foreach (string file in new[] { "results.parquet", "design.parquet" })
        {
            using var types = duck.CreateCommand();
            types.CommandText = $"SELECT DISTINCT typeof(seed) FROM read_parquet('{Path.Combine(dir, file)}')";
            Assert.Equal("UBIGINT", types.ExecuteScalar());
        }
    }

    [Fact]
    public async Task A_killed_shard_resumes_from_its_chunks_and_ends_with_every_run_exactly_once()
    {
        using var temp = new TempFolder();
        string dir = SweepKit.Plan(temp, SweepKit.WriteDesign(temp, samples: 6));
        SweepKit.AssertSuccess(SweepKit.Cli("sweep", "run", dir, "--threads", "2"));
        var folder = new SweepFolder(dir);
        string[] names = ["a0", "grants"];
        SweepRows complete = await SweepParquet.ReadRowsAsync(folder.Part(0), names);
        byte[] reference = await File.ReadAllBytesAsync(folder.Part(0));

        // The state a kill -9 leaves: runs 0-2 in a chunk, run 2 again in a later chunk (a kill during compaction),
        // a half-written temporary chunk, no part file.
        File.Delete(folder.Part(0));
        Directory.CreateDirectory(folder.Chunks(0));
        await SweepParquet.WriteRowsAsync(Path.Combine(folder.Chunks(0), "chunk-000000.parquet"), Subset(complete, names, [0, 1, 2]));
        await SweepParquet.WriteRowsAsync(Path.Combine(folder.Chunks(0), "chunk-000001.parquet"), Subset(complete, names, [2]));
        await File.WriteAllTextAsync(Path.Combine(folder.Chunks(0), ".chunk-000002.parquet.tmp-999"), "PAR1 truncated");

        var resumed = SweepKit.Cli("sweep", "run", dir, "--threads", "2");

        SweepKit.AssertSuccess(resumed);
        Assert.Contains("3 of 6 runs already stored; resuming with 3", resumed.Out, StringComparison.Ordinal);
        Assert.Equal(reference, await File.ReadAllBytesAsync(folder.Part(0)));
        Assert.False(Directory.Exists(folder.Chunks(0)));
        SweepKit.AssertSuccess(SweepKit.Cli("merge", dir));
    }

    [Fact]
    public void A_shard_killed_with_SIGKILL_while_running_resumes_and_ends_with_every_run_exactly_once()
    {
        using var temp = new TempFolder();
        // Long enough (finer scale, to 2034: about 10 s on one core) that chunks appear well before the shard ends.
        string dir = SweepKit.Plan(temp, SweepKit.WriteDesign(temp, samples: 40, endYear: 2034, scale: 100));
        var folder = new SweepFolder(dir);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(Program).Assembly.Location, "sweep", "run", dir, "--threads", "1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var log = new System.Text.StringBuilder();
        using (var process = new System.Diagnostics.Process { StartInfo = start })
        {
            process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            // Kill as soon as the first chunk is on disk: some runs stored, others in flight or not started.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!(Directory.Exists(folder.Chunks(0)) && Directory.EnumerateFiles(folder.Chunks(0), "chunk-*.parquet").Any()))
            {
                Assert.False(process.HasExited, $"the shard ended before writing its first chunk: {log}");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "no chunk written within 120 s");
                Thread.Sleep(20);
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Assert.False(File.Exists(folder.Part(0)), "killed before consolidating");
        var resumed = SweepKit.Cli("sweep", "run", dir, "--threads", "2");

        SweepKit.AssertSuccess(resumed);
        Assert.Matches(@"shard 0/1: \d+ of 40 runs already stored; resuming with \d+", resumed.Out);
        var merged = SweepKit.Cli("merge", dir);
        SweepKit.AssertSuccess(merged);
        Assert.Contains("all 40 planned runs present exactly once", merged.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_lists_missing_runs_with_their_shard_and_duplicated_runs()
    {
        using var temp = new TempFolder();
        string dir = SweepKit.Plan(temp, SweepKit.WriteDesign(temp, samples: 6));
        SweepKit.AssertSuccess(SweepKit.Cli("sweep", "run", dir, "--shard", "0/3", "--threads", "2"));
        SweepKit.AssertSuccess(SweepKit.Cli("sweep", "run", dir, "--shard", "1/3", "--threads", "2"));
        var folder = new SweepFolder(dir);
        string[] names = ["a0", "grants"];

        var missing = SweepKit.Cli("merge", dir);

        Assert.Equal(ExitCodes.BadInput, missing.Code);
        Assert.Contains("6 runs planned, 4 found; nothing merged", missing.Err, StringComparison.Ordinal);
        Assert.Contains("2 run(s) missing from shard 2/3 (it has not run): 2, 5", missing.Err, StringComparison.Ordinal);
        Assert.Contains("--shard 2/3", missing.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Results));

        // Shard 2 written by hand with run 4 (shard 1's) as well: a duplicate across files.
        SweepRows one = await SweepParquet.ReadRowsAsync(folder.Part(1), names);
        var two = new SweepRows(names);
        for (int i = 0; i < one.Count; i++)
        {
            if (one.RunId[i] == 4)
            {
                two.AddRow(one, i);
            }
        }

        await SweepParquet.WriteRowsAsync(folder.Part(2), two);

        var duplicated = SweepKit.Cli("merge", dir);

        Assert.Equal(ExitCodes.BadInput, duplicated.Code);
        Assert.Contains("run 4 is present more than once, in part-1.parquet and part-2.parquet", duplicated.Err, StringComparison.Ordinal);
        Assert.Contains("2 run(s) missing from shard 2/3 (its part file lacks them): 2, 5", duplicated.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Results));
    }

    [Fact]
    public void A_shard_count_other_than_the_one_the_folder_started_with_is_refused()
    {
        using var temp = new TempFolder();
        string dir = SweepKit.Plan(temp, SweepKit.WriteDesign(temp, samples: 2));
        SweepKit.AssertSuccess(SweepKit.Cli("sweep", "run", dir, "--shard", "0/2", "--threads", "1"));

        var other = SweepKit.Cli("sweep", "run", dir, "--shard", "1/3");

        Assert.Equal(ExitCodes.BadInput, other.Code);
        Assert.Contains("was started with 2 shards", other.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_of_a_small_sobol_sweep_writes_csv_and_chart()
    {
        using var temp = new TempFolder();
        string dir = SweepKit.Plan(temp, SweepKit.WriteDesign(temp, "sobol", samples: 4));
        SweepKit.AssertSuccess(SweepKit.Cli("sweep", "run", dir, "--threads", "2"));
        SweepKit.AssertSuccess(SweepKit.Cli("merge", dir));

        var result = SweepKit.Cli("sensitivity", dir, "--metric", "regional_image", "--country", "KAZ");

        SweepKit.AssertSuccess(result);
        string[] csv = File.ReadAllLines(Path.Combine(dir, "sensitivity.csv"));
        Assert.Equal("metric,country,year,parameter,path,S1,S1_low,S1_high,ST,ST_low,ST_high", csv[0]);
        Assert.StartsWith("regional_image,KAZ,2026,a0,degreeMobility:a0,", csv[1], StringComparison.Ordinal);
        Assert.Equal(3, csv.Length);
        byte[] png = File.ReadAllBytes(Path.Combine(dir, "sensitivity.png"));
        Assert.Equal((byte)'P', png[1]);
        Assert.Contains("Sobol indices", result.Out, StringComparison.Ordinal);

        var needsCountry = SweepKit.Cli("sensitivity", dir, "--metric", "regional_image");
        Assert.Equal(ExitCodes.BadInput, needsCountry.Code);
        Assert.Contains("--country is needed", needsCountry.Err, StringComparison.Ordinal);
    }

    private static SweepRows Subset(SweepRows rows, string[] names, int[] runs)
    {
        var subset = new SweepRows(names);
        for (int i = 0; i < rows.Count; i++)
        {
            if (runs.Contains(rows.RunId[i]))
            {
                subset.AddRow(rows, i);
            }
        }

        return subset;
    }
}
