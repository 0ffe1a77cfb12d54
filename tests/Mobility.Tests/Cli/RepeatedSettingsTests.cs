namespace Mobility.Tests.Cli;

using System.Text.Json;
using Mobility.Output.Comparison;
using Mobility.Output.Files;
using Mobility.Tests.IO;
using static Mobility.Tests.Cli.CliHarness;

/// <summary>
/// A setting given twice, by an option and by --set or by two --set, used to end in "internal error: ArgumentException".
/// --set comes last and the last occurrence of a key wins, keys comparing case-insensitively.
/// </summary>
public class RepeatedSettingsTests
{
    [Fact]
    public void Run_with_seed_and_a_set_of_the_seed_runs_with_the_set_one_whatever_their_order()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);

        AssertSuccess(Run("run", path, "--seed", "4", "--set", "scenario:seed=3", "--scale", "100", "--out", temp.File("a")));
        AssertSuccess(Run("run", path, "--set", "scenario:seed=3", "--seed", "4", "--scale", "100", "--out", temp.File("b")));

        foreach (string folder in new[] { "a", "b" })
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.File(folder), "manifest.json")));
            Assert.Equal(3UL, manifest.RootElement.GetProperty("seed").GetUInt64());
        }
    }

    [Fact]
    public void Validate_with_a_key_set_twice_takes_the_last_occurrence_compared_case_insensitively()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);

        AssertSuccess(Run("validate", path, "--set", "scenario:seed=3", "--set", "scenario:seed=4"));
        AssertSuccess(Run("validate", path, "--set", "scenario:seed=abc", "--set", "Scenario:SEED=4"));
        AssertBadInput(Run("validate", path, "--set", "scenario:seed=4", "--set", "scenario:seed=abc"), "scenario:seed must be a whole number >= 0 (was 'abc'");
    }

    [Fact]
    public async Task Compare_with_a_set_scale_uses_it_over_its_own_default_scale()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);
        string overlay = temp.Write("o.json", """{ "base": "base.json", "scenario": { "name": "o" }, "degreeMobility": { "a0": -3 } }""");
        string folder = temp.File("cmp");

        AssertSuccess(Run("compare", path, overlay, "--replications", "2", "--set", "scenario:scale=200", "--set", "scenario:endYear=2026",
            "--set", "scenario:spinUpYears=1", "--threads", "2", "--out", folder));

        ParquetTable runs = await ParquetTableReader.ReadAsync(Path.Combine(folder, ComparisonOutput.RunsFile));
        Assert.All(runs.Column<string>("run_id"), id => Assert.EndsWith("-k200", id!, StringComparison.Ordinal));
    }
}
