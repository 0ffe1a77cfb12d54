namespace Mobility.Tests.Cli;

using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Model.Parameters;
using Mobility.Tests.IO;
using Mobility.Tests.Sweeps;
using static Mobility.Tests.Cli.CliHarness;

/// <summary>
/// What a new user hit, each reproduced as it was reported: every one is now bad input (exit code 2, a message naming
/// the file, key or option and what was expected, no partial output), never "internal error ... this is a bug".
/// </summary>
public class NewUserDefectTests
{
    private static string Baseline => Path.Combine(TestFiles.RepositoryRoot, "scenarios", "baseline.json");

    private static string Observations => Path.Combine(TestFiles.RepositoryRoot, "scenarios", "observations", "observed-mobility.csv");

    private static string Survey => Path.Combine(TestFiles.RepositoryRoot, "scenarios", "surveys", "synthetic-student-survey.csv");

    [Fact]
    public void An_unwritable_output_is_refused_before_any_work_by_every_verb_that_writes()
    {
        using var temp = new TempFolder();
        string scenario = TestFiles.WriteBaseScenario(temp);
        string file = temp.Write("a-file", "not a folder");
        string under = Path.Combine(file, "out");
        string[] expected = ["cannot write", "a-file' is a file, not a folder"];

        AssertBadInput(Run("run", scenario, "--scale", "100", "--out", under), expected);
        AssertBadInput(Run("compare", scenario, "--replications", "2", "--scale", "100", "--out", under), expected);
        AssertBadInput(Run("fit", Baseline, "--observations", Observations, "--scale", "200", "--out", under), expected);
        AssertBadInput(Run("calibrate", Baseline, "--observations", Observations, "--params", "degreeMobility:a0=-6..-2", "--scale", "200", "--out", under), expected);
        AssertBadInput(Run("sweep", "plan", SweepKit.WriteDesign(temp), "--out", under), expected);
        AssertBadInput(Run("survey", Survey, "--map", "afford=aResources", "--overlay", Path.Combine(under, "overlay.json")), expected);

        // The bench fails before it times anything (it used to run the whole benchmark first).
        var bench = Run("bench", "--scenario", scenario, "--scale", "100", "--years", "1", "--repetitions", "1", "--in-process", "--out", Path.Combine(under, "bench.json"));
        AssertBadInput(bench, expected);
        Assert.DoesNotContain("threads 1:", bench.Out, StringComparison.Ordinal);

        Assert.Equal("not a folder", File.ReadAllText(file));
        if (OperatingSystem.IsLinux())
        {
            // As reported: /proc accepts no new files, even from root.
            AssertBadInput(Run("run", scenario, "--scale", "200", "--out", "/proc/x"), "cannot write '/proc/x'");
        }
    }

    [Fact]
    public void A_sweep_whose_shards_cannot_be_written_is_refused_before_it_runs()
    {
        using var temp = new TempFolder();
        string dir = SweepKit.Plan(temp, SweepKit.WriteDesign(temp, samples: 2));
        File.WriteAllText(Path.Combine(dir, "shards"), "not a folder");

        AssertBadInput(Run("sweep", "run", dir, "--threads", "2"), "cannot write", "is a file, not a folder");
    }

    [Fact]
    public void A_scale_that_leaves_a_member_fewer_than_ten_agents_in_a_cohort_is_refused()
    {
        using var temp = new TempFolder();
        string scenario = TestFiles.WriteBaseScenario(temp);

        AssertBadInput(Run("run", scenario, "--scale", "1e9", "--out", temp.File("out")),
            "scenario:scale 1000000000 leaves", $"at least {SettingsValidator.MinCohortAgents} agents", "set in --scale");
        Assert.False(Directory.Exists(temp.File("out")));

        // The bound is exact: the smallest member cohort of any simulated year (the history's from the enrolment
        // series), over the minimum agents.
        var options = new ScenarioLoadOptions { Environment = new Dictionary<string, string>() };
        var loaded = ScenarioLoader.Load(scenario, options);
        var info = loaded.Settings.Scenario;
        var world = loaded.World;
        var smallest = Enumerable.Range(0, world.Countries.Count).Where(c => world.Countries[c].IsMember)
            .SelectMany(c => Enumerable.Range(info.StartYear - info.SpinUpYears, info.EndYear - info.StartYear + info.SpinUpYears + 1)
                .Select(y => (world.Countries[c].Code, Persons: loaded.Settings.Entry.CohortPersons(world.Countries[c], y, info.StartYear, world.TertiaryEnrolmentAt(c, y)))))
            .MinBy(x => x.Persons);
        double largest = Math.Floor(smallest.Persons / SettingsValidator.MinCohortAgents);
        ScenarioLoader.Load(scenario, new ScenarioLoadOptions { Scale = largest, Environment = options.Environment });
        var refused = Assert.Throws<InputException>(() => ScenarioLoader.Load(scenario, new ScenarioLoadOptions { Scale = largest + 1, Environment = options.Environment }));
        Assert.Contains($"({smallest.Code})", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"must be at most {largest}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thread_counts_above_the_stated_maximum_are_refused()
    {
        using var temp = new TempFolder();
        string scenario = TestFiles.WriteBaseScenario(temp);

        AssertBadInput(Run("run", scenario, "--threads", "100000", "--out", temp.File("out")), "--threads must be at most 256 (was 100000)");
        AssertBadInput(Run("sweep", "run", temp.Path, "--threads", "257"), "--threads must be at most 256 (was 257)");
        AssertBadInput(Run("bench", "--threads", "1,100000", "--out", temp.File("bench.json")), "--threads must be at most 256 (was 100000)");
        Assert.False(Directory.Exists(temp.File("out")));
        Assert.False(File.Exists(temp.File("bench.json")));
    }

    [Fact]
    public void Messages_say_what_is_wrong_in_the_users_terms()
    {
        using var temp = new TempFolder();
        string scenario = TestFiles.WriteBaseScenario(temp);

        AssertBadInput(Run("run", scenario, "--seed", "-1"), "--seed must be a whole number from 0 to 18446744073709551615 (was '-1')");
        AssertBadInput(Run("run", scenario, "--scale", "ten"), "--scale must be a number (was 'ten')");

        string empty = temp.Write("empty.json", "  \n");
        var emptyScenario = Run("validate", empty);
        AssertBadInput(emptyScenario, "empty.json: the file is empty; a scenario file must contain one JSON object");
        Assert.DoesNotContain("isFinalBlock", emptyScenario.Err, StringComparison.Ordinal);
        AssertBadInput(Run("sweep", "plan", empty, "--out", temp.File("sweep")), "empty.json: the file is empty; a sweep design file");

        string array = temp.Write("array.json", "[ { \"scenario\": \"base.json\" } ]");
        var arrayDesign = Run("sweep", "plan", array, "--out", temp.File("sweep"));
        AssertBadInput(arrayDesign, "array.json: a sweep design file must contain one JSON object { ... } (found an array [ ... ])");
        Assert.DoesNotContain("not valid JSON", arrayDesign.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("sweep")));

        var folder = Run("validate", temp.File("world"));
        AssertBadInput(folder, "is a folder, not a file");
        Assert.DoesNotContain("not found", folder.Err, StringComparison.Ordinal);

        string nan = temp.Write("nan.json", """{ "base": "base.json", "degreeMobility": { "a0": "NaN", "aGap": "Infinity" } }""");
        AssertBadInput(Run("validate", nan), "degreeMobility:a0 must be a finite number (was NaN), set in ", "nan.json");
        AssertBadInput(Run("validate", nan), "degreeMobility:aGap must be a finite number (was Infinity), set in ");

        var survey = Run("survey", Survey, "--map", "afford=nosuch", "--overlay", temp.File("overlay.json"));
        AssertBadInput(survey, "unknown coefficient 'nosuch'");
        Assert.DoesNotContain("--overlay needs", survey.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("overlay.json")));
    }

    [Fact]
    public void Fit_and_calibrate_take_r_for_replications_as_compare_does()
    {
        AssertBadInput(Run("fit", Baseline, "--observations", Observations, "-r", "0"), "--replications must be >= 1 (was 0)");
        AssertBadInput(Run("calibrate", Baseline, "--observations", Observations, "--params", "degreeMobility:a0=-6..-2", "-r", "0", "--out", "x"),
            "--replications must be >= 1 (was 0)");
    }

    [Theory]
    [InlineData("the scenario argument must not be empty", "validate", "")]
    [InlineData("--out must not be empty", "run", "baseline", "--out", "")]
    [InlineData("--observations must not be empty", "fit", "baseline", "--observations", "")]
    [InlineData("--out must not be empty", "bench", "--out", "")]
    [InlineData("the design argument must not be empty", "sweep", "plan", "", "--out", "x")]
    [InlineData("the dir argument must not be empty", "merge", "")]
    [InlineData("the scenarios argument must not be empty", "compare", "baseline", "")]
    [InlineData("--overlay must not be empty", "survey", "x.csv", "--overlay", "")]
    public void An_empty_path_is_refused_at_parsing_by_every_verb(string expected, params string[] args)
        => AssertBadInput(Run(args), expected);
}
