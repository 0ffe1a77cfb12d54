namespace Mobility.Input.Configuration;

using Microsoft.Extensions.Configuration;
using Mobility.Model.Parameters;

/// <summary>
/// Variants of a loaded scenario, each its resolved configuration plus a few overrides (typed options, then
/// <c>key=value</c> pairs): the same checks, binding and validation as <see cref="ScenarioLoader"/>, but from the
/// configuration already layered and against the world already loaded, so that a sweep, a calibration or a fit's
/// window of years does not re-read the scenario files and world CSVs. Overriding <c>scenario:world</c> is refused
/// (that needs a new world).
/// </summary>
public sealed class ScenarioVariants
{
    private const string WorldKey = "scenario:world";
    private readonly LoadedScenario baseScenario;

    public ScenarioVariants(LoadedScenario baseScenario)
    {
        this.baseScenario = baseScenario;
    }

    public LoadedScenario Base => baseScenario;

    /// <summary>Whether <paramref name="path"/> is a key of the base scenario's resolved configuration (case-insensitive).</summary>
    public bool HasKey(string path) => baseScenario.Configuration.Keys.Any(k => string.Equals(k, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The base settings with <paramref name="sets"/> applied; every problem is thrown together as an <see cref="InputException"/>.</summary>
    public ScenarioSettings Settings(IReadOnlyList<string> sets) => Resolve(new ScenarioLoadOptions { Sets = sets }).Settings;

    /// <summary>
    /// The base scenario with the typed fields and then the <c>Sets</c> of <paramref name="options"/> applied (its
    /// <c>Environment</c> is not read: the base already holds the environment it was loaded with).
    /// </summary>
    public LoadedScenario With(ScenarioLoadOptions options)
    {
        var (settings, configuration) = Resolve(options);
        return baseScenario with { Settings = settings, Configuration = configuration };
    }

    private (ScenarioSettings Settings, SortedDictionary<string, string> Configuration) Resolve(ScenarioLoadOptions options)
    {
        var problems = new List<string>();
        var typed = options.TypedLayer();
        var overrides = ScenarioLoadOptions.ParseSets(options.Sets, "override", problems);
        if (overrides.Any(o => string.Equals(o.Key, WorldKey, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"{WorldKey} cannot vary between runs sharing one loaded world");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(baseScenario.Configuration.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)))
            .AddInMemoryCollection(typed)
            .AddInMemoryCollection(overrides)
            .Build();
        string SourceOf(string path)
        {
            // The override sets the path, something below it, or the section it is in.
            static bool Under(string path, string key)
                => path.StartsWith(key, StringComparison.OrdinalIgnoreCase) || key.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase);
            var sets = overrides.Where(o => Under(path, o.Key)).Select(o => $"the override {o.Key}={o.Value}")
                .Concat(typed.Where(t => Under(path, t.Key)).Select(t => options.DescribeTyped(t.Key)))
                .ToArray();
            return sets.Length > 0 ? string.Join(", ", sets) : PathDisplay.Of(baseScenario.ScenarioFile);
        }

        problems.AddRange(new ConfigurationChecker(SourceOf)
            .Check(configuration, typeof(ScenarioSettings), new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ScenarioLoader.BaseKey }));
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        ScenarioSettings settings;
        try
        {
            settings = configuration.Get<ScenarioSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new ScenarioSettings();
        }
        catch (InvalidOperationException ex)
        {
            throw new InputException($"the configuration could not be bound with {string.Join(", ", options.Sets)}: {ex.Message}");
        }

        problems.AddRange(ScenarioLoader.Attribute(SettingsValidator.Validate(settings, baseScenario.World), configuration, SourceOf));
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return (settings, new SortedDictionary<string, string>(ScenarioLoader.Leaves(configuration), StringComparer.Ordinal));
    }
}
