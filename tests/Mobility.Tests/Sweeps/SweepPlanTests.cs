namespace Mobility.Tests.Sweeps;

using Mobility.Experiments.Sweeps;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Output.Files;
using Mobility.Output.Sweeps;
using Mobility.Tests.IO;

public class SweepPlanTests
{
    [Fact]
    public async Task Planning_the_same_design_twice_gives_identical_plans_and_another_seed_another_plan()
    {
        using var temp = new TempFolder();
        string design = SweepKit.WriteDesign(temp);
        string first = SweepKit.Plan(temp, design, "a");
        string second = SweepKit.Plan(temp, design, "b");
        string reseeded = SweepKit.Plan(temp, temp.Write("other.json", File.ReadAllText(design).Replace("\"seed\": 4", "\"seed\": 5", StringComparison.Ordinal)), "c");

        ParquetTable a = await ParquetTableReader.ReadAsync(Path.Combine(first, "design.parquet"));
        ParquetTable b = await ParquetTableReader.ReadAsync(Path.Combine(second, "design.parquet"));
        ParquetTable c = await ParquetTableReader.ReadAsync(Path.Combine(reseeded, "design.parquet"));

        Assert.Equal(["run_id", "point", "a0", "grants", "replicate", "seed"], a.Columns.Select(col => col.Name));
        Assert.Equal(6, a.Rows.Count);
        Assert.Equal(a.Rows.Select(r => string.Join(",", r.Values)), b.Rows.Select(r => string.Join(",", r.Values)));
        Assert.NotEqual(a.Column<double>("a0"), c.Column<double>("a0"));
        Assert.All(a.Column<double>("grants"), g => Assert.Equal(Math.Round(g), g));
        Assert.Equal(File.ReadAllText(Path.Combine(first, "design.json")), File.ReadAllText(Path.Combine(second, "design.json")));
    }

    [Fact]
    public void The_resolved_design_copy_reads_back_to_the_same_design()
    {
        using var temp = new TempFolder();
        string dir = SweepKit.Plan(temp, SweepKit.WriteDesign(temp, "morris", 3, extra: "\"replications\": 2, \"morrisLevels\": 6,"));

        SweepDesign original = SweepDesignLoader.Load(temp.File("design.json")).Design;
        SweepDesign copy = SweepDesignLoader.Load(Path.Combine(dir, "design.json")).Design;

        Assert.Equal(SweepPlanner.Plan(original).Values, SweepPlanner.Plan(copy).Values);
        Assert.Equal(original.Scenario, copy.Scenario);
        Assert.Equal((SamplingMethod.Morris, 2, 6), (copy.Method, copy.Replications, copy.MorrisLevels));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void Every_run_belongs_to_exactly_one_shard(int shards)
    {
        var runs = Enumerable.Range(0, 53).ToArray();

        foreach (int run in runs)
        {
            int owners = Enumerable.Range(0, shards).Count(i => new SweepShard(i, shards).Owns(run));
            Assert.Equal(1, owners);
            Assert.True(new SweepShard(SweepShard.OwnerOf(run, shards), shards).Owns(run));
        }

        // Round-robin: shard sizes differ by at most one.
        var sizes = Enumerable.Range(0, shards).Select(i => runs.Count(r => new SweepShard(i, shards).Owns(r))).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1);
    }

    [Fact]
    public void The_shard_comes_from_the_option_or_from_the_scheduler_environment()
    {
        var none = new System.Collections.Hashtable();
        var slurm = new System.Collections.Hashtable { ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_ARRAY_TASK_COUNT"] = "4" };
        var kubernetes = new System.Collections.Hashtable { ["JOB_COMPLETION_INDEX"] = "1", [ShardResolution.CountVariable] = "3" };

        Assert.Equal(new SweepShard(0, 1), ShardResolution.Resolve(null, none));
        Assert.Equal(new SweepShard(2, 4), ShardResolution.Resolve(null, slurm));
        Assert.Equal(new SweepShard(1, 5), ShardResolution.Resolve("1/5", slurm));
        Assert.Equal(new SweepShard(1, 3), ShardResolution.Resolve(null, kubernetes));
        var bad = Assert.Throws<InputException>(() => ShardResolution.Resolve("4/4", none));
        Assert.Contains("0..N-1", bad.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => ShardResolution.Resolve(null, new System.Collections.Hashtable { ["JOB_COMPLETION_INDEX"] = "0" }));
    }

    [Theory]
    [InlineData("\"sampels\": 3,", "unknown key 'sampels'")]
    [InlineData("", "parameters:0:path: 'degreeMobility:a9' is not a key of the scenario")]
    [InlineData("", "parameters:1 (image:lambda): the value 2 is rejected by the scenario: image:lambda")]
    public void Bad_designs_are_reported_with_the_design_file_and_key(string extra, string expected)
    {
        using var temp = new TempFolder();
        string parameters = extra.Length > 0
            ? """[ { "path": "degreeMobility:a0", "range": [ -4, -3 ] } ]"""
            : """[ { "path": "degreeMobility:a9", "range": [ -4, -3 ] }, { "path": "image:lambda", "range": [ 0.1, 2 ] } ]""";
        string design = SweepKit.WriteDesign(temp, parameters: parameters, extra: extra);

        var (code, _, error) = SweepKit.Cli("sweep", "plan", design, "--out", temp.File("out"));

        Assert.Equal(Mobility.Cli.ExitCodes.BadInput, code);
        Assert.Contains("design.json: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Variants_of_a_loaded_scenario_equal_a_fresh_load_with_the_same_overrides()
    {
        string[] sets = ["degreeMobility:a0=-3.2", "policies:regionalMobilityGrants:ucahes-grants:grantsPerYear=4200"];
        var options = new ScenarioLoadOptions { Environment = new Dictionary<string, string>() };
        var loaded = ScenarioLoader.Load(SweepKit.Scenario, options);
        var fresh = ScenarioLoader.Load(SweepKit.Scenario, new ScenarioLoadOptions { Sets = sets, Environment = new Dictionary<string, string>() });

        var variant = new ScenarioVariants(loaded).Settings(sets);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fresh.Settings), System.Text.Json.JsonSerializer.Serialize(variant));
        Assert.NotEqual(System.Text.Json.JsonSerializer.Serialize(loaded.Settings), System.Text.Json.JsonSerializer.Serialize(variant));
    }
}
