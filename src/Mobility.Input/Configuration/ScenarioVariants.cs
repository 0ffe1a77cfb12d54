namespace Mobility.Input.Configuration;

using Microsoft.Extensions.Configuration;
using Mobility.Model.Parameters;

/// <summary>
/// Settings for variants of a loaded scenario, each its resolved configuration plus a few <c>key=value</c>
/// overrides: the same checks, binding and validation as <see cref="ScenarioLoader"/>, but from the configuration
/// already layered and against the world already loaded, so a sweep does not re-read the scenario files and world
/// CSVs once per parameter point. Overriding <c>scenario:world</c> is refused (that needs a new world).
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
    public ScenarioSettings Settings(IReadOnlyList<string> sets)
    {
        var overrides = new List<KeyValuePair<string, string?>>();
        var problems = new List<string>();
        foreach (string set in sets)
        {
            int equals = set.IndexOf('=', StringComparison.Ordinal);
            string key = equals > 0 ? set[..equals].Trim() : "";
            if (key.Length == 0)
            {
                problems.Add($"'{set}' must have the form key=value, with ':' between sections");
            }
            else if (string.Equals(key, WorldKey, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{WorldKey} cannot vary between runs sharing one loaded world");
            }
            else
            {
                overrides.Add(new(key, set[(equals + 1)..]));
            }
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(baseScenario.Configuration.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)))
            .AddInMemoryCollection(overrides)
            .Build();
        string SourceOf(string path) => overrides.Any(o => path.StartsWith(o.Key, StringComparison.OrdinalIgnoreCase))
            ? "the override " + string.Join(", ", overrides.Where(o => path.StartsWith(o.Key, StringComparison.OrdinalIgnoreCase)).Select(o => $"{o.Key}={o.Value}"))
            : PathDisplay.Of(baseScenario.ScenarioFile);
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
            throw new InputException($"the configuration could not be bound with {string.Join(", ", sets)}: {ex.Message}");
        }

        problems.AddRange(SettingsValidator.Validate(settings, baseScenario.World));
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return settings;
    }
}
