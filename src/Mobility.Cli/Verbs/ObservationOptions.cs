namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Globalization;
using Mobility.Experiments.Calibration;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Input.Observations;
using Mobility.Input.World;
using Mobility.Model.Observations;
using Mobility.Model.Policies;

/// <summary>Options and loading shared by <c>fit</c> and <c>calibrate</c>: the observations, and the scenario set up to simulate their years.</summary>
internal static class ObservationOptions
{
    public static Option<string?> Observations() => new("--observations")
    {
        Description = "Published figures to compare with (default: observations/observations.csv next to the scenario's root file, "
            + "i.e. scenarios/observations/observations.csv): the observation set (id, origin, destination, year, academic_year, kind, "
            + "measure, value, confidence, source_title, source_url, quote), or a file in the first format (id, origin, destination, "
            + "year, kind, value, source, ...), told apart by the header.",
    };

    /// <summary>The observations file: the one given, else observations/observations.csv in the folder of the scenario's root file.</summary>
    public static string PathOf(string? given, LoadedScenario loaded)
        => given ?? Path.Combine(Path.GetDirectoryName(loaded.Files[0])!, "observations", "observations.csv");

    public static Option<int> Replications(int defaultValue) => new("--replications", "-r")
    {
        Description = "Runs per evaluation, with replication seeds derived from scenario:seed as compare derives them from --seed (common random numbers); the simulated value is their mean.",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>
    /// How the pair constant of a pair without a fitted one is set (<see cref="UnfittedPairPrediction"/>): "slopes"
    /// (the slopes of the fitted constants' regression on the pair covariates, intercept 0), "projected" (Berry's
    /// second step with the intercept, x beta) or "zero" (the structural prediction).
    /// </summary>
    public static Option<string> PairPrediction(string name, string defaultValue, string description)
        => new(name) { Description = description + RuleList + ".", DefaultValueFactory = _ => defaultValue };

    /// <summary>A rule option whose default is the scenario's recorded rule (<see cref="RecordedRule"/>), else <c>all-host-means</c>: its value is null when not given.</summary>
    public static Option<string> PairPredictionOfScenario(string name, string description)
        => new(name) { Description = description + RuleList + ". Default: the rule the scenario records (scenario:unobservedConstant, which calibrate writes), else all-host-means." };

    /// <summary>" One of: zero, slopes, ...": the rules' names as the options' help lists them.</summary>
    private static string RuleList => " One of: " + string.Join(", ", PairPredictionNames.Select(r => r.Name));

    /// <summary>The rule given, else the scenario's recorded one, else <see cref="UnfittedPairPrediction.AllHostMeans"/> (the shipped baseline's).</summary>
    public static UnfittedPairPrediction RuleFor(UnfittedPairPrediction? given, LoadedScenario loaded)
        => given ?? RecordedRule(loaded) ?? UnfittedPairPrediction.AllHostMeans;

    /// <summary>A <see cref="PairPrediction"/> option's value as the rule; exit 2 naming the option for anything else.</summary>
    public static UnfittedPairPrediction PairPredictionRule(Option<string> option, string? value)
        => RuleNamed(value, option.Name);

    /// <summary>A <see cref="PairPrediction"/> option's value as the rule, or null when the option was not given.</summary>
    public static UnfittedPairPrediction? PairPredictionRuleIfGiven(Option<string> option, string? value)
        => value is null ? null : PairPredictionRule(option, value);

    /// <summary>
    /// The rule a scenario records for its member pairs without a figure (<c>scenario:unobservedConstant</c>, written by
    /// calibrate), or null when it records none; exit 2 naming the key and the scenario file for a name that is not a rule.
    /// </summary>
    public static UnfittedPairPrediction? RecordedRule(LoadedScenario loaded)
    {
        string name = loaded.Settings.Scenario.UnobservedConstant;
        return string.IsNullOrEmpty(name) ? null : RuleNamed(name, $"{PathDisplay.Of(loaded.ScenarioFile)}: scenario:unobservedConstant");
    }

    /// <summary>The rule of a name; exit 2 naming <paramref name="where"/> (an option, or a file and key) for anything else.</summary>
    private static UnfittedPairPrediction RuleNamed(string? name, string where)
    {
        foreach (var (known, rule) in PairPredictionNames)
        {
            if (known == name)
            {
                return rule;
            }
        }

        throw new InputException($"{where}: expected {SettingChoice.Describe(PairPredictionNames.Select(r => $"'{r.Name}'").ToArray())}, got '{name}'");
    }

    /// <summary>A rule's name on the command line.</summary>
    public static string NameOf(UnfittedPairPrediction rule) => PairPredictionNames.First(r => r.Rule == rule).Name;

    /// <summary>The rules' names on the command line, in the order help and errors list them.</summary>
    private static readonly (string Name, UnfittedPairPrediction Rule)[] PairPredictionNames =
    [
        ("zero", UnfittedPairPrediction.Zero),
        ("slopes", UnfittedPairPrediction.Slopes),
        ("shrunk-slopes", UnfittedPairPrediction.ShrunkSlopes),
        ("projected", UnfittedPairPrediction.Projected),
        ("host-means", UnfittedPairPrediction.HostMeans),
        ("all-host-means", UnfittedPairPrediction.AllHostMeans),
    ];

    /// <summary>How a second-step rule predicts a pair without a figure, as the console and fit.html say it.</summary>
    public static string Describe(UnfittedPairPrediction rule) => rule switch
    {
        UnfittedPairPrediction.Slopes => "slopes only, (x - x_bar) beta",
        UnfittedPairPrediction.ShrunkSlopes => "shrunk slopes, tau^2 / (tau^2 + s^2) (x - x_bar) beta",
        UnfittedPairPrediction.Projected => "x beta",
        UnfittedPairPrediction.HostMeans => "the host's level, sum w c / (sum w + 1) of the fitted constants into the host (hosts without a fitted total)",
        UnfittedPairPrediction.AllHostMeans => "the host's level, sum w c / (sum w + 1) of the fitted constants into the host (every host)",
        _ => "constant 0",
    };

    /// <summary>Fixed effects added to the pair covariates of Berry's second step: none, host, origin or both.</summary>
    public static Option<string> PairEffects() => new("--pair-effects")
    {
        Description = "With a second step (slopes or projected), indicators added to the pair covariates: 'none' (default), 'host' (one per host country), 'origin' (one per member origin) or 'both'. "
            + "calibrate --unobserved-constant and fit --held-out-constant must use the same to validate what ships.",
        DefaultValueFactory = _ => "none",
    };

    /// <summary>The origin and host effects a <see cref="PairEffects"/> option names; exit 2 naming the option for anything else.</summary>
    public static (bool Origin, bool Host) PairEffectsOf(Option<string> option, string? value) => value switch
    {
        "none" => (false, false),
        "host" => (false, true),
        "origin" => (true, false),
        "both" => (true, true),
        _ => throw new InputException($"{option.Name}: expected 'none', 'host', 'origin' or 'both', got '{value}'"),
    };

    /// <summary>Weight of the pairs without a figure, at constant 0, in the second step's regression (selection-aware).</summary>
    public static Option<double> UnfittedWeight() => new("--unfitted-weight")
    {
        Description = "With a second step (slopes, projected, host-means or all-host-means), the weight each pair without a figure has in the regression (or in its host's level), at constant 0 (no figure informs it), "
            + "in units of a high-confidence figure: the regression then sees the pairs too small to be counted besides the counted ones (selection on the outcome). "
            + "0 (default): only pairs with figures; e.g. 0.1, the inversion's prior. calibrate and fit must use the same to validate what ships.",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>A <see cref="UnfittedWeight"/> value, checked: exit 2 naming the option when negative or not finite.</summary>
    public static double UnfittedWeightOf(Option<double> option, double value)
        => double.IsFinite(value) && value >= 0 ? value : throw new InputException($"{option.Name} must be a finite weight >= 0 (was {value.ToString(CultureInfo.InvariantCulture)})");

    public static Option<double?> Scale() => new("--scale")
    {
        Description = "Persons per agent (default: scenario:scale); e.g. 10 for a quick fit. Results are in persons.",
    };

    /// <summary>
    /// The observations, checked against the scenario's world, and the scenario (loaded once) set to simulate and report
    /// their years. The window's years are layered over everything the user set: the observations decide them.
    /// <paramref name="environment"/> replaces the process's MOBILITY_* variables (null reads them).
    /// </summary>
    public static (IReadOnlyList<Observation> Observations, ObservationWindow Window, LoadedScenario Scenario, string Path) Prepare(
        string scenarioPath, string? observationsFile, IReadOnlyList<string> userSets, double? scale, int replications,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (replications < 1)
        {
            throw new InputException($"--replications must be >= 1 (was {replications})");
        }

        LoadedScenario loaded = ScenarioLoader.Load(scenarioPath, new ScenarioLoadOptions { Scale = scale, Sets = userSets, Environment = environment });
        string observationsPath = PathOf(observationsFile, loaded);
        var observations = Load(observationsPath, loaded);
        var window = ObservationWindow.For(loaded.Settings.Scenario, observations);
        LoadedScenario windowed = new ScenarioVariants(loaded).With(new ScenarioLoadOptions
        {
            SpinUpYears = window.SpinUpYears,
            EndYear = window.EndYear,
            TypedSource = "the observed years (" + PathDisplay.Of(observationsPath) + ")",
        });
        return (observations, window, windowed, observationsPath);
    }

    /// <summary>
    /// Reads either format, told apart by the header: the observation set (a <c>measure</c> column), turned into targets
    /// by <see cref="FigureTargets"/>, or the first format, checked against the world's countries.
    /// </summary>
    public static IReadOnlyList<Observation> Load(string path, LoadedScenario loaded)
    {
        InputFile.Require(path, "observations file", "*.csv");
        var table = CsvReader.ReadFile(path);
        var codes = loaded.World.Countries.Select(c => c.Code).ToArray();
        var info = loaded.Settings.Scenario;
        if (table.Header?.Fields.Any(f => string.Equals(f.Trim(), "measure", StringComparison.OrdinalIgnoreCase)) == true)
        {
            var figures = ObservationTableLoader.Parse(table, codes, info.StartYear - ObservationWindow.MaxYearsBeforeStart, info.EndYear);
            return FigureTargets.From(figures, loaded.Settings, loaded.World);
        }

        var observations = ObservationsLoader.Parse(table);
        var problems = ObservationMatch.Check(observations, codes, PathDisplay.Of(path));
        return problems.Count > 0 ? throw new InputException(problems) : observations;
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
