namespace Mobility.Tests.Posterior;

using Mobility.Cli;
using Mobility.Experiments.Posterior;
using Mobility.Model.Uncertainty;
using Mobility.Input;
using Mobility.Input.Priors;
using Mobility.Output.Posterior;
using Mobility.Tests.IO;
using Mobility.Tests.Sweeps;

public sealed class PriorsLoaderTests
{
    [Fact]
    public void The_shipped_priors_load_with_at_least_eight_justified_coefficients()
    {
        LoadedPriors loaded = PriorsLoader.Load(Path.Combine(TestFiles.RepositoryRoot, "scenarios", "priors", "baseline-priors.json"));

        Assert.True(loaded.Prior.Dimension >= 8);
        Assert.All(loaded.Prior.Coefficients, c => Assert.False(string.IsNullOrWhiteSpace(c.Justification)));
        Assert.Contains(loaded.Prior.Coefficients, c => c.Path == "choice:bNetwork" && c.Distribution.Kind == PriorKind.LogNormal);
    }

    [Theory]
    [InlineData("""{ "coefficient": "choice:bNetwrk", "distribution": "normal", "mean": 0, "sd": 1, "justification": "x" }""", "priors:0:coefficient", "did you mean 'bNetwork'?")]
    [InlineData("""{ "coefficient": "scenario:name", "distribution": "normal", "mean": 0, "sd": 1, "justification": "x" }""", "priors:0:coefficient", "is a text setting")]
    [InlineData("""{ "coefficient": "choice:maxChoices", "distribution": "normal", "mean": 3, "sd": 1, "justification": "x" }""", "priors:0:coefficient", "not a real-valued coefficient")]
    [InlineData("""{ "coefficient": "choice:bCost", "distribution": "normal", "mean": 1, "sd": -0.5, "justification": "x" }""", "priors:0 (choice:bCost):sd", "must be > 0")]
    [InlineData("""{ "coefficient": "choice:bCost", "distribution": "lognormal", "median": 1, "sdLog": 0, "justification": "x" }""", "priors:0 (choice:bCost):sdLog", "must be > 0")]
    [InlineData("""{ "coefficient": "choice:bCost", "distribution": "uniform", "lower": 2, "upper": 1, "justification": "x" }""", "priors:0 (choice:bCost):lower", "must be below upper")]
    [InlineData("""{ "coefficient": "choice:bCost", "distribution": "gamma", "mean": 1, "sd": 1, "justification": "x" }""", "priors:0 (choice:bCost):distribution", "unknown distribution 'gamma'")]
    [InlineData("""{ "coefficient": "choice:bCost", "distribution": "normal", "mean": 1, "sd": 1, "median": 1, "justification": "x" }""", "priors:0 (choice:bCost):median", "does not apply to a normal prior")]
    [InlineData("""{ "coefficient": "choice:bCost", "distribution": "normal", "mean": 1, "justification": "x" }""", "priors:0 (choice:bCost):sd", "is required for a normal prior")]
    [InlineData("""{ "coefficient": "choice:bCost", "distribution": "normal", "mean": 1, "sd": 1, "spread": 2, "justification": "x" }""", "priors:0:spread", "unknown key")]
    [InlineData("""{ "coefficient": "choice:bCost", "distribution": "normal", "mean": 1, "sd": 1 }""", "priors:0 (choice:bCost):justification", "is required")]
    [InlineData("""{ "coefficient": "choice:bCost", "distribution": "normal", "mean": 0, "sd": 0.01, "lower": 5, "upper": 6, "justification": "x" }""", "priors:0 (choice:bCost):lower", "keep almost none")]
    public void A_bad_prior_is_reported_with_the_file_and_the_key(string entry, string key, string message)
    {
        using var temp = new TempFolder();
        string file = temp.Write("priors.json", $$"""{ "priors": [ {{entry}} ] }""");

        var ex = Assert.Throws<InputException>(() => PriorsLoader.Load(file));

        Assert.Contains(ex.Problems, p => p.Contains("priors.json", StringComparison.Ordinal) && p.Contains(key, StringComparison.Ordinal) && p.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_json_and_a_coefficient_given_twice_are_reported()
    {
        using var temp = new TempFolder();
        string broken = temp.Write("broken.json", """{ "priors": [ { "coefficient": "choice:bCost", """);
        string twice = temp.Write("twice.json", """
            { "priors": [
              { "coefficient": "choice:bCost", "distribution": "uniform", "lower": 0, "upper": 2, "justification": "x" },
              { "coefficient": "choice:BCOST", "distribution": "uniform", "lower": 0, "upper": 3, "justification": "y" } ] }
            """);

        Assert.Contains("broken.json: not valid JSON", Assert.Throws<InputException>(() => PriorsLoader.Load(broken)).Problems[0], StringComparison.Ordinal);
        Assert.Contains("has 2 priors", Assert.Throws<InputException>(() => PriorsLoader.Load(twice)).Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_posterior_verb_exits_2_on_bad_priors_before_simulating()
    {
        using var temp = new TempFolder();

        var result = RunWithPriors(temp, """{ "priors": [ { "coefficient": "choice:bCost", "distribution": "weibull", "mean": 1, "sd": -1, "justification": "x" } ] }""");

        Assert.Equal(ExitCodes.BadInput, result.Code);
        Assert.Contains("priors.json: priors:0 (choice:bCost):distribution: unknown distribution 'weibull' (known: normal, lognormal, uniform)", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("post")));
    }

    [Fact]
    public void A_prior_reaching_values_the_scenario_rejects_exits_2_naming_the_coefficient()
    {
        using var temp = new TempFolder();

        var result = RunWithPriors(temp, """{ "priors": [ { "coefficient": "image:lambda", "distribution": "uniform", "lower": 0.5, "upper": 1.5, "justification": "x" } ] }""");

        Assert.Equal(ExitCodes.BadInput, result.Code);
        Assert.Contains("priors.json: priors:0 (image:lambda): the value", result.Err, StringComparison.Ordinal);
        Assert.Contains("is rejected by the scenario", result.Err, StringComparison.Ordinal);
    }

    /// <summary>The kit's posterior command with its priors file replaced by <paramref name="json"/>.</summary>
    private static (int Code, string Out, string Err) RunWithPriors(TempFolder temp, string json)
    {
        string[] command = PosteriorKit.Command(temp, "post");
        temp.Write("priors.json", json);
        command[Array.IndexOf(command, "--priors") + 1] = temp.File("priors.json");
        return SweepKit.Cli(command);
    }
}
