namespace Mobility.Tests.Cli;

using System.Globalization;
using System.Text.RegularExpressions;
using Mobility.Cli;
using Mobility.Experiments.Calibration;
using Mobility.Input.Configuration;
using Mobility.Input.Observations;
using Mobility.Tests.IO;

/// <summary>The fit, calibrate and survey verbs, in-process: outputs on good input, exit code 2 and a named problem on bad input.</summary>
public class CalibrationCliTests
{
    private static (int Code, string Out, string Err) Cli(params string[] args) => CliHarness.Run(args);

    private static string Baseline => Path.Combine(TestFiles.RepositoryRoot, "scenarios", "baseline.json");

    private static string Observations => Path.Combine(TestFiles.RepositoryRoot, "scenarios", "observations", "observed-mobility.csv");

    private static void AssertBadInput((int Code, string Out, string Err) result, params string[] expected)
    {
        Assert.True(result.Code == ExitCodes.BadInput, $"exit code {result.Code}; stderr:\n{result.Err}\nstdout:\n{result.Out}");
        foreach (string part in expected)
        {
            Assert.Contains(part, result.Err, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_writes_the_table_and_the_report()
    {
        using var temp = new TempFolder();
        string folder = temp.File("fit");
        var (code, output, error) = Cli("fit", Baseline, "--observations", Observations, "--scale", "50", "--replications", "2", "--threads", "2", "--out", folder);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("median |log ratio|", output, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(Path.Combine(folder, "fit.csv"));
        Assert.Equal("id,origin,destination,year,kind,observed,simulated,simulated_low,simulated_high,log_ratio,measure,observed_high,weight,figures,comparison", lines[0]);
        Assert.Equal(17, lines.Length);
        Assert.StartsWith("kz_in_total_2018,*,KAZ,2018,stock,14000,", lines.Single(l => l.StartsWith("kz_in_total_2018", StringComparison.Ordinal)), StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(folder, "fit.html"));
        Assert.Contains("data-chart=\"fit-scatter.png\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibrate_writes_an_overlay_that_loads_as_a_scenario()
    {
        using var temp = new TempFolder();
        string folder = temp.File("cal");
        string observations = temp.Write("obs.csv", """
            id,origin,destination,year,kind,value,source
            uz_ru,UZB,RUS,2025,stock,60000,test
            """);
        var (code, output, error) = Cli("calibrate", Baseline, "--observations", observations, "--params", "degreeMobility:originShift:UZB=-2..1",
            "--budget", "4", "--replications", "1", "--scale", "50", "--threads", "2", "--out", folder, "--set", "degreeMobility:originShift:UZB=-0.7",
            "--set", "choice:bSize=1.5", "--set", "scenario:seed=7");

        Assert.True(code == ExitCodes.Success, error);
        // A --set of a fitted path is its starting value.
        Assert.Contains("degreeMobility:originShift:UZB = ", output, StringComparison.Ordinal);
        Assert.Contains("(start -0.7, bounds -2..1)", output, StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(folder, "convergence.csv")).Length);
        var (validateCode, validated, validateError) = Cli("validate", Path.Combine(folder, "calibrated.json"));
        Assert.True(validateCode == ExitCodes.Success, validateError);
        Assert.Contains("baseline-calibrated", validated, StringComparison.Ordinal);

        // What was fitted holds only under the other --set values, so the overlay keeps them (the fitted path keeps
        // its fitted value, and the run settings under scenario: stay out).
        var overlay = ScenarioLoader.Load(Path.Combine(folder, "calibrated.json"));
        Assert.Equal("1.5", overlay.Configuration["choice:bSize"]);
        double fitted = double.Parse(Regex.Match(output, @"degreeMobility:originShift:UZB = (\S+) ").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(fitted, 4), Math.Round(double.Parse(overlay.Configuration["degreeMobility:originShift:UZB"], CultureInfo.InvariantCulture), 4));
        Assert.NotEqual(7UL, overlay.Settings.Scenario.Seed);
    }

    [Fact]
    public void Calibrate_until_a_year_holds_later_observations_out_and_reports_them_apart()
    {
        using var temp = new TempFolder();
        string folder = temp.File("cal");
        string observations = temp.Write("obs.csv", """
            id,origin,destination,year,kind,value,source
            uz_ru,UZB,RUS,2024,stock,60000,test
            uz_kz,UZB,KAZ,2025,stock,5000,test
            """);
        var (code, output, error) = Cli("calibrate", Baseline, "--observations", observations, "--params", "degreeMobility:originShift:UZB=-2..1",
            "--until", "2024", "--budget", "3", "--replications", "1", "--scale", "50", "--threads", "2", "--out", folder);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("fitted (in sample): 1 targets", output, StringComparison.Ordinal);
        Assert.Contains("fitted (held out): 1 targets", output, StringComparison.Ordinal);
        Assert.Contains("<h2>Out of sample</h2>", File.ReadAllText(Path.Combine(folder, "fit.html")), StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(folder, "fit.csv")).Length);
        AssertBadInput(
            Cli("calibrate", Baseline, "--observations", observations, "--params", "degreeMobility:originShift:UZB=-2..1", "--until", "2020", "--out", temp.File("y")),
            "--until 2020", "nothing is left to calibrate on");
    }

    [Fact]
    public void An_unknown_parameter_path_is_named()
    {
        using var temp = new TempFolder();
        AssertBadInput(
            Cli("calibrate", Baseline, "--observations", Observations, "--params", "degreeMobility:a9=-6..-2", "--scale", "50", "--out", temp.File("x")),
            "degreeMobility:a9");
        Assert.False(Directory.Exists(temp.File("x")));
    }

    [Fact]
    public void A_bad_rule_for_pairs_without_a_figure_exits_2_naming_the_option_and_what_it_accepts()
    {
        using var temp = new TempFolder();
        AssertBadInput(
            Cli("fit", Baseline, "--observations", Observations, "--cross-validate", "5", "--held-out-constant", "intercept", "--out", temp.File("x")),
            "--held-out-constant", "'zero', 'slopes', 'shrunk-slopes', 'projected', 'host-means' or 'all-host-means'", "'intercept'");
        AssertBadInput(
            Cli("calibrate", Baseline, "--observations", Observations, "--pair-constants", "--unobserved-constant", "slope", "--out", temp.File("y")),
            "--unobserved-constant", "'zero', 'slopes', 'shrunk-slopes', 'projected', 'host-means' or 'all-host-means'", "'slope'");
        AssertBadInput(
            Cli("fit", Baseline, "--observations", Observations, "--cross-validate", "5", "--held-out-constant", "slopes", "--pair-effects", "country", "--out", temp.File("x")),
            "--pair-effects", "'none', 'host', 'origin' or 'both'", "'country'");
        AssertBadInput(
            Cli("calibrate", Baseline, "--observations", Observations, "--pair-constants", "--unobserved-constant", "slopes", "--unfitted-weight", "-0.1", "--out", temp.File("y")),
            "--unfitted-weight", ">= 0", "-0.1");
        Assert.False(Directory.Exists(temp.File("x")));
        Assert.False(Directory.Exists(temp.File("y")));
    }

    [Fact]
    public void Bad_structure_refit_options_exit_2_naming_the_option()
    {
        using var temp = new TempFolder();
        AssertBadInput(
            Cli("fit", Baseline, "--observations", Observations, "--cross-validate", "5", "--refit-structure", "choice:bDistance=1.5..0.1", "--out", temp.File("x")),
            "--refit-structure", "lower bound must be below");
        AssertBadInput(
            Cli("fit", Baseline, "--observations", Observations, "--cross-validate", "5", "--refit-structure", "choice:bDistanse=0.1..1.5", "--out", temp.File("x")),
            "--refit-structure", "choice:bDistanse");
        AssertBadInput(
            Cli("fit", Baseline, "--observations", Observations, "--refit-structure", "choice:bDistance=0.1..1.5", "--out", temp.File("x")),
            "--refit-structure", "--cross-validate");
        AssertBadInput(
            Cli("fit", Baseline, "--observations", Observations, "--cross-validate", "5", "--refit-structure", "choice:bDistance=0.1..1.5", "--refit-budget", "1", "--out", temp.File("x")),
            "--refit-budget", "(were 1 and 4)");
        Assert.False(Directory.Exists(temp.File("x")));
    }

    [Fact]
    public void Malformed_parameters_are_explained()
    {
        using var temp = new TempFolder();
        AssertBadInput(
            Cli("calibrate", Baseline, "--observations", Observations, "--params", "degreeMobility:a0=-2..-6,degreeMobility:aGap", "--out", temp.File("x")),
            "lower bound must be below", "degreeMobility:aGap", "path=lower..upper");
    }

    [Fact]
    public void A_bad_observation_row_is_named_by_file_and_line()
    {
        using var temp = new TempFolder();
        string observations = temp.Write("obs.csv", "id,origin,destination,year,kind,value,source\nok,KAZ,RUS,2024,stock,100,s\nbad,KAZ,RUS,2024,stok,100,s\nxx,ABC,RUS,2024,stock,100,s\n");
        AssertBadInput(Cli("fit", Baseline, "--observations", observations, "--out", temp.File("x")), "obs.csv:3: column 'kind'");
        string unknownCountry = temp.Write("obs2.csv", "id,origin,destination,year,kind,value,source\nxx,ABC,RUS,2024,stock,100,s\n");
        AssertBadInput(Cli("fit", Baseline, "--observations", unknownCountry, "--out", temp.File("x")), "obs2.csv:2: origin 'ABC'");
    }

    [Fact]
    public void Structure_first_searches_the_structure_with_every_pair_constant_at_zero()
    {
        // The search's start under --structure-first is the start of the same search with every pair constant set to 0 by
        // hand (the origin and host totals kept), and differs from the start with the baseline's constants.
        using var temp = new TempFolder();
        string observationSet = Path.Combine(TestFiles.RepositoryRoot, "scenarios", "observations", "observations.csv");
        string[] common = ["calibrate", Baseline, "--observations", observationSet, "--params", "choice:bSize=0.9..1.1", "--budget", "2",
            "--replications", "1", "--scale", "50", "--threads", "2"];
        string[] zeros = PairConstants.Of(ScenarioLoader.Load(Baseline).Configuration).Where(kv => !kv.Key.IsTotal)
            .SelectMany(kv => new[] { "--set", PairConstants.Set(kv.Key, 0) }).ToArray();
        Assert.NotEmpty(zeros);

        var first = Cli([.. common, "--pair-constants", "--structure-first", "--iterations", "1", "--out", temp.File("first")]);
        var byHand = Cli([.. common, .. zeros, "--out", temp.File("hand")]);
        var withConstants = Cli([.. common, "--out", temp.File("constants")]);

        Assert.True(first.Code == ExitCodes.Success, first.Err);
        Assert.True(byHand.Code == ExitCodes.Success, byHand.Err);
        Assert.True(withConstants.Code == ExitCodes.Success, withConstants.Err);
        static string StartLine(string output) => output.Split('\n').First(l => l.StartsWith("start:", StringComparison.Ordinal));
        Assert.Equal(StartLine(byHand.Out), StartLine(first.Out));
        Assert.NotEqual(StartLine(withConstants.Out), StartLine(first.Out));
        Assert.Contains("fitted by the structure alone, every pair constant 0", first.Out, StringComparison.Ordinal);
        Assert.Contains("pair constants and", first.Out, StringComparison.Ordinal);

        // A calibration of the pair constants records the rule that gave the pairs without a figure (the default here);
        // one without them records nothing.
        Assert.Equal("all-host-means", ScenarioLoader.Load(Path.Combine(temp.File("first"), "calibrated.json")).Settings.Scenario.UnobservedConstant);
        Assert.DoesNotContain("unobservedConstant", File.ReadAllText(Path.Combine(temp.File("constants"), "calibrated.json")), StringComparison.Ordinal);
        AssertBadInput(Cli([.. common, "--structure-first", "--out", temp.File("bad")]), "--structure-first", "--pair-constants");
        Assert.False(Directory.Exists(temp.File("bad")));
    }

    [Fact]
    public void Repeated_cross_validation_is_one_check_per_fold_seed_and_reports_their_mean()
    {
        // Assignment r of --fold-repeats N is the cross-validation of --fold-seed S + r - 1, file for file.
        using var temp = new TempFolder();
        string observationSet = Path.Combine(TestFiles.RepositoryRoot, "scenarios", "observations", "observations.csv");
        string[] common = ["fit", Baseline, "--observations", observationSet, "--scale", "50", "--replications", "1", "--threads", "2",
            "--cross-validate", "2", "--iterations", "1", "--held-out-constant", "zero"];
        var repeated = Cli([.. common, "--fold-seed", "7", "--fold-repeats", "2", "--out", temp.File("repeated")]);
        var second = Cli([.. common, "--fold-seed", "8", "--out", temp.File("second")]);

        Assert.True(repeated.Code == ExitCodes.Success, repeated.Err);
        Assert.True(second.Code == ExitCodes.Success, second.Err);
        Assert.Equal(File.ReadAllText(Path.Combine(temp.File("second"), "cross-validated.csv")), File.ReadAllText(Path.Combine(temp.File("repeated"), "cross-validated-folds-2.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(temp.File("second"), "out-of-time.csv")), File.ReadAllText(Path.Combine(temp.File("repeated"), "out-of-time.csv")));
        Assert.Contains("folds 2 (seed 8)", repeated.Out, StringComparison.Ordinal);
        Assert.Contains("over 2 fold assignments: median error factor x", repeated.Out, StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(temp.File("repeated"), "fit.html"));
        Assert.Contains("folds dealt with seed 7 to 8, 2 assignments", html, StringComparison.Ordinal);
        // The validation table has a row per check: in sample, each assignment, out of time.
        Assert.Contains("<h2>Validation</h2>", html, StringComparison.Ordinal);
        // The baseline gives its pairs without a figure the host's level, so the constant 0 is not marked as its own prediction.
        Assert.Contains("<td>cross-validated (constant 0, folds 2 (seed 8))</td>", html, StringComparison.Ordinal);
        // Nor is it the held-out fit of the one-line summary, which is the scenario's own prediction.
        Assert.DoesNotContain("held_out", File.ReadAllText(Path.Combine(temp.File("repeated"), "fit-summary.json")), StringComparison.Ordinal);

        AssertBadInput(Cli([.. common, "--fold-repeats", "0", "--out", temp.File("bad")]), "--fold-repeats", ">= 1");
        AssertBadInput(Cli("fit", Baseline, "--observations", observationSet, "--fold-repeats", "3", "--out", temp.File("bad")), "--fold-repeats", "--cross-validate");
        // Leaving one pair out deals the same folds for every seed, so repeating it would only repeat it.
        AssertBadInput(Cli("fit", Baseline, "--observations", observationSet, "--cross-validate", "500", "--fold-repeats", "2", "--out", temp.File("bad")), "--fold-repeats", "leaves one pair out");
        Assert.False(Directory.Exists(temp.File("bad")));
    }

    [Fact]
    public void A_cross_validation_records_the_held_out_fit_of_the_scenarios_own_prediction()
    {
        // The baseline gives a pair without a figure its host's level (the default rule): the summary compare prints
        // says how well held-out pairs are predicted that way, with the command that measured it.
        using var temp = new TempFolder();
        string observationSet = Path.Combine(TestFiles.RepositoryRoot, "scenarios", "observations", "observations.csv");
        var run = Cli("fit", Baseline, "--observations", observationSet, "--scale", "50", "--replications", "1", "--threads", "2",
            "--cross-validate", "2", "--iterations", "1", "--out", temp.File("fit"));
        Assert.True(run.Code == ExitCodes.Success, run.Err);

        var summary = FitSummaryFile.TryRead(temp.File("fit"));
        Assert.NotNull(summary?.HeldOut);
        Assert.Equal("2 folds by pair, the host's level", summary.HeldOut.Check);
        Assert.EndsWith("--cross-validate 2 --iterations 1 --held-out-constant all-host-means", summary.Command, StringComparison.Ordinal);
        Assert.InRange(summary.HeldOut.MedianFactor, 1, 100);
        Assert.NotNull(summary.HeldOut.BetweenMembersFactor);

        // The same numbers as the console's line for that check.
        string factor = summary.HeldOut.MedianFactor.ToString("0.00", CultureInfo.InvariantCulture);
        Assert.Contains($"cross-validated (host levels, every host, as the scenario does): {summary.HeldOut.Targets} targets", run.Out, StringComparison.Ordinal);
        Assert.Contains($"(factor {factor})", run.Out.Split('\n').Single(l => l.StartsWith("cross-validated (host levels, every host, as the scenario does):", StringComparison.Ordinal)), StringComparison.Ordinal);

        // Without --held-out-constant the rule is the one the scenario records (calibrate writes it); a name that is
        // no rule is refused, naming the key.
        var recorded = Cli("fit", Baseline, "--observations", observationSet, "--scale", "50", "--replications", "1", "--threads", "2",
            "--cross-validate", "2", "--iterations", "1", "--set", "scenario:unobservedConstant=host-means", "--out", temp.File("recorded"));
        Assert.True(recorded.Code == ExitCodes.Success, recorded.Err);
        Assert.Contains("cross-validated (host levels, as the scenario does):", recorded.Out, StringComparison.Ordinal);
        Assert.Equal("2 folds by pair, host levels", FitSummaryFile.TryRead(temp.File("recorded"))!.HeldOut!.Check);
        AssertBadInput(
            Cli("fit", Baseline, "--observations", observationSet, "--scale", "50", "--cross-validate", "2", "--iterations", "1",
                "--set", "scenario:unobservedConstant=bogus", "--out", temp.File("bad")),
            "scenario:unobservedConstant", "'bogus'");
        Assert.False(Directory.Exists(temp.File("bad")));
    }

    [Fact]
    public void Survey_reports_and_writes_an_overlay()
    {
        using var temp = new TempFolder();
        string survey = Path.Combine(TestFiles.RepositoryRoot, "scenarios", "surveys", "synthetic-student-survey.csv");
        string overlay = temp.File("survey.json");
        var (code, output, error) = Cli("survey", survey, "--map", "afford=aResources", "--map", "academic performance=aAbility", "--overlay", overlay, "--base", Baseline);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("skipped 'Timestamp'", output, StringComparison.Ordinal);
        Assert.Contains("Spearman", output, StringComparison.Ordinal);
        Assert.Contains("degreeMobility:aResources = ", output, StringComparison.Ordinal);
        var (validateCode, _, validateError) = Cli("validate", overlay);
        Assert.True(validateCode == ExitCodes.Success, validateError);
    }

    [Fact]
    public void Survey_names_a_missing_outcome_column()
    {
        using var temp = new TempFolder();
        string survey = temp.Write("s.csv", "\"Age\",\"Likes maths\"\n20,Yes\n21,No\n");
        AssertBadInput(Cli("survey", survey), "--outcome", "no numeric column 'intend'");
    }
}
