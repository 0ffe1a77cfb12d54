namespace Mobility.Tests.Cli;

using Mobility.Cli;
using Mobility.Tests.IO;

/// <summary>The program, called in-process: bad input exits with code 2 and a message naming the problem, never a stack trace.</summary>
public class BadInputTests
{
    private static (int Code, string Out, string Err) Cli(params string[] args) => CliHarness.Run(args);

    private static void AssertBadInput((int Code, string Out, string Err) result, params string[] expected) => CliHarness.AssertBadInput(result, expected);

    /// <summary>A base scenario over a copy of the project's world (or the fixture world when the project's is absent).</summary>
    private static string Scenario(TempFolder temp)
        => TestFiles.WriteBaseScenario(temp, TestFiles.ProjectWorldPresent ? TestFiles.ProjectWorld : TestFiles.FixtureWorld);

    [Fact]
    public void Validate_reports_ok_for_a_good_scenario()
    {
        using var temp = new TempFolder();
        string path = Scenario(temp);
        string overlay = temp.Write("o.json", """{ "base": "base.json", "scenario": { "name": "o" } }""");

        var (code, output, error) = Cli("validate", overlay, "--set", "degreeMobility:a0=-3");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Matches(@"^OK: o \(2 files layered, 2025-2030, world: \d+ countries, \d+ universities\)", output);
        Assert.Equal("", error);
        _ = path;
    }

    [Fact]
    public void Missing_scenario_file()
    {
        using var temp = new TempFolder();
        AssertBadInput(Cli("validate", temp.File("missing.json")), "missing.json", "not found");
        AssertBadInput(Cli("run", temp.File("missing.json")), "missing.json", "not found");
    }

    [Fact]
    public void Malformed_json()
    {
        using var temp = new TempFolder();
        Scenario(temp);
        string path = temp.Write("bad.json", "{ \"base\": \"base.json\",\n  \"degreeMobility\": { \"a0\": -3, }\n  \"choice\": {}\n}\n");

        AssertBadInput(Cli("validate", path), "bad.json:3:", "malformed JSON at line 3");
    }

    [Fact]
    public void Unknown_key()
    {
        using var temp = new TempFolder();
        string path = Scenario(temp);

        AssertBadInput(Cli("validate", path, "--set", "degreeMobility:a00=1"), "unknown key 'degreeMobility:a00'", "--set degreeMobility:a00");

        string overlay = temp.Write("o.json", """{ "base": "base.json", "degreeMobility": { "a00": 1 } }""");
        AssertBadInput(Cli("validate", overlay), "unknown key 'degreeMobility:a00'", "o.json");
    }

    [Fact]
    public void Negative_university_capacity_in_the_world()
    {
        using var temp = new TempFolder();
        string path = Scenario(temp);
        string universities = temp.File("world/universities.csv");
        string id = File.ReadAllLines(universities)[1].Split(',')[0];
        TestFiles.SetCell(universities, id, "capacity", "-5");

        AssertBadInput(Cli("validate", path), $"universities.csv:{TestFiles.LineOf(universities, id)}: column 'capacity' must be a number >= 0 (was '-5')");
    }

    [Fact]
    public void Bad_rows_of_the_world_series_and_ties()
    {
        using var temp = new TempFolder();
        string path = Scenario(temp);
        string series = temp.File("world/series.csv");
        string ties = temp.File("world/ties.csv");
        File.AppendAllText(series, "UZB,scholarship_quota,2020,100,a source\n");
        File.AppendAllText(ties, "UZB,KOR,migrant_stock,2025,98,thousand,a source,\n");

        AssertBadInput(
            Cli("validate", path),
            $"series.csv:{File.ReadAllLines(series).Length}: column 'entity' is a country",
            $"ties.csv:{File.ReadAllLines(ties).Length}: column 'unit' must be 'persons'");
    }

    [Fact]
    public void Unknown_country_code_in_a_policy()
    {
        using var temp = new TempFolder();
        string path = Scenario(temp);

        AssertBadInput(
            Cli("validate", path, "--set", "policies:hostQuota:ru-tj:origin=XXX"),
            "policies:hostQuota:ru-tj:origin 'XXX' is not a country in the world data");
    }

    [Fact]
    public void Policy_end_year_before_start_year()
    {
        using var temp = new TempFolder();
        Scenario(temp);
        string overlay = temp.Write("o.json", """{ "base": "base.json", "policies": { "hostQuota": { "ru-tj": { "start": 2030, "end": 2027 } } } }""");

        AssertBadInput(Cli("validate", overlay), "policies:hostQuota:ru-tj:end (2027) must not be before policies:hostQuota:ru-tj:start (2030)");
    }

    [Fact]
    public void Existing_output_folder_without_force()
    {
        using var temp = new TempFolder();
        string path = Scenario(temp);
        Directory.CreateDirectory(temp.File("out"));

        AssertBadInput(Cli("run", path, "--out", temp.File("out")), "already exists", "--force");
    }

    [Fact]
    public void Bad_options()
    {
        using var temp = new TempFolder();
        string path = Scenario(temp);

        AssertBadInput(Cli("run", path, "--threads", "0", "--out", temp.File("out")), "--threads must be >= 1 (was 0)");
        AssertBadInput(Cli("run", path, "--seed", "minus-one"), "minus-one");
        AssertBadInput(Cli("validate", path, "--no-such-option"), "--no-such-option");
        AssertBadInput(Cli("validate", path, "--set", "novalue"), "--set 'novalue' must have the form key=value");
        AssertBadInput(Cli("run", path, "--scale", "0", "--out", temp.File("out")), "scenario:scale must be > 0 (was 0)");
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Help_explains_the_tool_and_every_option()
    {
        var (code, output, _) = Cli("--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("academic mobility in Central Asia", output, StringComparison.Ordinal);
        Assert.Contains("run", output, StringComparison.Ordinal);
        Assert.Contains("validate", output, StringComparison.Ordinal);

        var (runCode, runHelp, _) = Cli("run", "--help");
        Assert.Equal(ExitCodes.Success, runCode);
        foreach (string option in new[] { "--seed", "--threads", "--scale", "--out", "--force", "--set" })
        {
            string line = runHelp.Split('\n').First(l => l.TrimStart().StartsWith(option, StringComparison.Ordinal));
            Assert.True(line.Trim().Length > option.Length + 20, $"option {option} has no description: '{line}'");
        }
    }
}
