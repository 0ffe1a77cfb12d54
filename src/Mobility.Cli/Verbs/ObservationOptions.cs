namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Globalization;
using Mobility.Experiments.Calibration;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Input.Observations;
using Mobility.Model.Observations;

/// <summary>Options and loading shared by <c>fit</c> and <c>calibrate</c>: the observations, and the scenario set up to simulate their years.</summary>
internal static class ObservationOptions
{
    public static Option<string> Observations() => new("--observations")
    {
        Description = "Observations CSV: id, origin, destination (ISO3 or *), year, kind (stock|flow), value, source, note, "
            + "optional weight, tolerance (relative, e.g. 0.3) and flow_kind (degree|credit|scholar|national_scholarship). "
            + "e.g. scenarios/observations/observed-mobility.csv",
        Required = true,
    };

    public static Option<int> Replications(int defaultValue) => new("--replications", "-r")
    {
        Description = "Runs per evaluation, with replication seeds derived from scenario:seed as compare derives them from --seed (common random numbers); the simulated value is their mean.",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<double?> Scale() => new("--scale")
    {
        Description = "Persons per agent (default: scenario:scale); e.g. 10 for a quick fit. Results are in persons.",
    };

    /// <summary>
    /// The observations, checked against the scenario's world, and the scenario (loaded once) set to simulate and report
    /// their years. The window's years are layered over everything the user set: the observations decide them.
    /// <paramref name="environment"/> replaces the process's MOBILITY_* variables (null reads them).
    /// </summary>
    public static (IReadOnlyList<Observation> Observations, ObservationWindow Window, LoadedScenario Scenario) Prepare(
        string scenarioPath, string observationsPath, IReadOnlyList<string> userSets, double? scale, int replications,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (replications < 1)
        {
            throw new InputException($"--replications must be >= 1 (was {replications})");
        }

        var observations = ObservationsLoader.Load(observationsPath);
        LoadedScenario loaded = ScenarioLoader.Load(scenarioPath, new ScenarioLoadOptions { Scale = scale, Sets = userSets, Environment = environment });
        var problems = ObservationMatch.Check(observations, loaded.World.Countries.Select(c => c.Code).ToArray(), PathDisplay.Of(observationsPath));
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var window = ObservationWindow.For(loaded.Settings.Scenario, observations);
        LoadedScenario windowed = new ScenarioVariants(loaded).With(new ScenarioLoadOptions
        {
            SpinUpYears = window.SpinUpYears,
            EndYear = window.EndYear,
            TypedSource = "the observed years (" + PathDisplay.Of(observationsPath) + ")",
        });
        return (observations, window, windowed);
    }

    public static IEnumerable<string> Context(LoadedScenario loaded, string observationsPath, ObservationWindow window, int replications)
    {
        var info = loaded.Settings.Scenario;
        yield return $"scenario: {loaded.Name} ({string.Join(" <- ", loaded.Files.Select(PathDisplay.Of))})";
        yield return $"observations: {PathDisplay.Of(observationsPath)}";
        yield return string.Create(CultureInfo.InvariantCulture, $"scale {info.Scale}, {replications} replication(s) with seeds derived from scenario:seed {info.Seed}");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"simulated {info.StartYear - info.SpinUpYears}-{info.EndYear}, reported from {window.ReportFrom}: years before scenario:startYear ({info.StartYear}) are spin-up years (start-year policies, frozen rankings), and the spin-up is lengthened so the earliest observed year has {info.SpinUpYears - (info.StartYear - window.ReportFrom)} simulated years behind it");
    }
}
