namespace Mobility.Input.Configuration;

using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Mobility.Input.World;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// Loads a scenario through Microsoft.Extensions.Configuration, in this order (the last layer wins per key):
/// <list type="number">
/// <item>the chain of base files named by each file's top-level <c>"base"</c> key (relative to that file's folder), root base first;</item>
/// <item>the scenario file itself;</item>
/// <item>environment variables <c>MOBILITY_*</c>, with <c>__</c> separating sections (<c>MOBILITY_SCENARIO__SEED=5</c>);</item>
/// <item>the typed options of <see cref="ScenarioLoadOptions"/> (<c>--seed</c>, <c>--scale</c>, ...);</item>
/// <item><c>--set key=value</c> pairs, with <c>:</c> separating sections (<c>degreeMobility:a0=-3</c>); the last occurrence of a key wins.</item>
/// </list>
/// Then it checks every key against the settings types, binds with <c>ErrorOnUnknownConfiguration</c>, loads the
/// world from <c>scenario:world</c> (resolved against the folder of the file that set it, else the root base's
/// folder; against the working directory when set by the environment or --set) and validates the settings
/// against it. All problems found are thrown together as one <see cref="InputException"/>, each naming the layer (file,
/// environment variable or option) that set the value in question.
/// </summary>
/// <remarks>
/// Pitfall: configuration merges arrays by index, not as a whole. If the base sets <c>"countries": ["KAZ", "UZB", "KGZ"]</c>
/// and an overlay sets <c>"countries": ["TJK"]</c>, the result is <c>["TJK", "UZB", "KGZ"]</c>, not <c>["TJK"]</c>; and a
/// list property whose default has items would get the configured items appended to them. This is why the settings
/// keep every list default empty and key the things scenarios override (policies, per-country values) by name in
/// dictionaries. As a guard, an overlay that lists fewer items than a file below it for the same array is reported
/// as an error instead of being silently merged.
/// </remarks>
public static partial class ScenarioLoader
{
    /// <summary>The top-level key naming a file's base scenario; it is not a setting and is stripped before binding.</summary>
    public const string BaseKey = "base";

    public const string EnvironmentPrefix = "MOBILITY_";

    private const string WorldKey = "scenario:world";

    public static LoadedScenario Load(string scenarioPath, ScenarioLoadOptions? options = null)
    {
        options ??= new ScenarioLoadOptions();
        IReadOnlyList<ScenarioFile> files = ScenarioFileChain.Read(scenarioPath);
        var problems = new List<string>();

        var sets = ScenarioLoadOptions.ParseSets(options.Sets, "--set", problems);
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var (root, describe) = Layer(files, options, sets);
        string SourcesOf(string path) => Sources(root, describe, path);

        var leaves = Leaves(root);
        IConfigurationRoot settingsConfiguration = new ConfigurationBuilder().AddInMemoryCollection(leaves!).Build();

        problems.AddRange(new ConfigurationChecker(SourcesOf)
            .Check(settingsConfiguration, typeof(ScenarioSettings), new HashSet<string>(StringComparer.OrdinalIgnoreCase) { BaseKey }));
        problems.AddRange(ShrunkArrays(files));

        // With unknown keys already reported, bind leniently anyway so that validation problems are reported too.
        ScenarioSettings? settings = problems.Count == 0
            ? Bind(settingsConfiguration, SourcesOf, problems)
            : TryBindLeniently(settingsConfiguration);

        string worldFolder = ResolveWorldFolder(root, files, settings?.Scenario.World ?? settingsConfiguration[WorldKey] ?? new ScenarioInfo().World);
        WorldData? world = null;
        try
        {
            world = WorldCsvLoader.Load(worldFolder);
        }
        catch (InputException ex)
        {
            string setBy = WorldSetter(root, describe) is string source ? $" (scenario:world set in {source})" : "";
            problems.AddRange(ex.Problems.Select(p => p.StartsWith("world folder", StringComparison.Ordinal) ? p + setBy : p));
        }

        if (settings is not null && world is not null)
        {
            problems.AddRange(Attribute(SettingsValidator.Validate(settings, world), root, SourcesOf));
        }

        if (problems.Count > 0 || settings is null || world is null)
        {
            throw new InputException(problems.Count > 0 ? problems : ["the scenario could not be loaded"]);
        }

        return new LoadedScenario(settings, worldFolder, world, files.Select(f => f.FullPath).ToArray(), new SortedDictionary<string, string>(leaves, StringComparer.Ordinal));
    }

    /// <summary>Every value of a layered configuration, by key (the last layer's value for a key), without the base keys.</summary>
    internal static Dictionary<string, string> Leaves(IConfiguration configuration)
        => configuration.AsEnumerable()
            .Where(kv => kv.Value is not null && !IsBaseKey(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Adds to each validation problem that starts with a configuration path the layers that set that path (e.g.
    /// <c>degreeMobility:a0 must be a finite number (was NaN), set in my-scenario.json</c>); a problem about a default
    /// that no layer set is left as it is.
    /// </summary>
    internal static IEnumerable<string> Attribute(IEnumerable<string> problems, IConfiguration configuration, Func<string, string> sourcesOf)
    {
        foreach (string problem in problems)
        {
            Match path = LeadingPath().Match(problem);
            yield return path.Success && configuration.GetSection(path.Groups[1].Value).AsEnumerable().Any(kv => kv.Value is not null)
                ? $"{problem}, set in {sourcesOf(path.Groups[1].Value)}"
                : problem;
        }
    }

    private static (IConfigurationRoot Root, List<Func<string, string>> Describe) Layer(
        IReadOnlyList<ScenarioFile> files, ScenarioLoadOptions options, List<KeyValuePair<string, string?>> sets)
    {
        var builder = new ConfigurationBuilder();
        var describe = new List<Func<string, string>>();
        var problems = new List<string>();
        foreach (ScenarioFile file in files)
        {
            // Load each file alone first, so that a provider error (e.g. a key given twice) names its file.
            try
            {
                new ConfigurationBuilder().AddJsonStream(new MemoryStream(file.Content)).Build();
            }
            catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
            {
                problems.Add($"{file.Display}: {Messages(ex)}");
                continue;
            }

            builder.AddJsonStream(new MemoryStream(file.Content));
            describe.Add(_ => file.Display);
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        // Messages name a variable as it is written in the environment (MOBILITY_SCENARIO__SEED), not by its key.
        var variables = EnvironmentVariables(options.Environment);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key, _) in variables)
        {
            names[key] = name;
        }

        if (options.Environment is null)
        {
            builder.AddEnvironmentVariables(EnvironmentPrefix);
        }
        else
        {
            var last = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (_, key, value) in variables)
            {
                last[key] = value;
            }

            builder.AddInMemoryCollection(last);
        }

        describe.Add(key => "environment variable " + (names.TryGetValue(key, out string? name)
            ? name
            : EnvironmentPrefix + key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal).ToUpperInvariant()));
        builder.AddInMemoryCollection(options.TypedLayer());
        describe.Add(options.DescribeTyped);
        builder.AddInMemoryCollection(sets);
        describe.Add(key => "--set " + (sets.FindLast(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Key ?? key));
        return (builder.Build(), describe);
    }

    /// <summary>The <c>MOBILITY_*</c> variables, ordered by name: each one's name, configuration key and value.</summary>
    private static List<(string Name, string Key, string Value)> EnvironmentVariables(IReadOnlyDictionary<string, string>? environment)
    {
        IEnumerable<KeyValuePair<string, string>> all = environment
            ?? System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(e => new KeyValuePair<string, string>((string)e.Key, e.Value as string ?? ""));
        return all
            .Where(kv => kv.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, kv.Key[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), kv.Value))
            .ToList();
    }

    private static bool IsBaseKey(string key)
        => string.Equals(key, BaseKey, StringComparison.OrdinalIgnoreCase)
            || key.StartsWith(BaseKey + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Which layer set the value at <paramref name="path"/> (the last one, whose value counts), or, for a section,
    /// which layers set anything below it.
    /// </summary>
    private static string Sources(IConfigurationRoot root, List<Func<string, string>> describe, string path)
    {
        var section = root.GetSection(path);
        if (section.Value is not null && !section.GetChildren().Any())
        {
            var layers = root.Providers.ToArray();
            for (int i = layers.Length - 1; i >= 0; i--)
            {
                if (layers[i].TryGet(path, out _))
                {
                    return describe[i](path);
                }
            }
        }

        var keys = root.GetSection(path).AsEnumerable().Where(kv => kv.Value is not null).Select(kv => kv.Key).Append(path).ToArray();
        var providers = root.Providers.ToArray();
        var sources = new List<string>();
        for (int i = 0; i < providers.Length; i++)
        {
            string? key = keys.FirstOrDefault(k => providers[i].TryGet(k, out _));
            if (key is not null)
            {
                sources.Add(describe[i](key));
            }
        }

        return sources.Count == 0 ? "an unknown layer" : string.Join(", ", sources.Distinct());
    }

    private static ScenarioSettings? Bind(IConfiguration configuration, Func<string, string> sourcesOf, List<string> problems)
    {
        try
        {
            return configuration.Get<ScenarioSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new ScenarioSettings();
        }
        catch (InvalidOperationException ex)
        {
            // The checker should have caught everything; this is the safety net.
            Match at = BinderPath().Match(Messages(ex));
            string where = at.Success ? $" (set in {sourcesOf(at.Groups[1].Value)})" : "";
            problems.Add($"the configuration could not be bound: {Messages(ex)}{where}");
            return null;
        }
    }

    private static ScenarioSettings? TryBindLeniently(IConfiguration configuration)
    {
        try
        {
            return configuration.Get<ScenarioSettings>() ?? new ScenarioSettings();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static IEnumerable<string> ShrunkArrays(IReadOnlyList<ScenarioFile> files)
    {
        for (int j = 1; j < files.Count; j++)
        {
            foreach (var (path, length) in files[j].ArrayLengths)
            {
                var below = files.Take(j)
                    .Select(f => (File: f, Length: f.ArrayLengths.TryGetValue(path, out int n) ? n : 0))
                    .MaxBy(x => x.Length);
                if (below.Length > length)
                {
                    yield return $"{path}: {files[j].Display} lists {length} item(s) but {below.File.Display} lists {below.Length}; "
                        + $"configuration merges arrays by index, so items {length}..{below.Length - 1} of the base would silently remain. "
                        + "Repeat the complete list in the overlay";
                }
            }
        }
    }

    private static string ResolveWorldFolder(IConfigurationRoot root, IReadOnlyList<ScenarioFile> files, string world)
    {
        var providers = root.Providers.ToArray();
        string folder = files[0].Folder;
        for (int i = providers.Length - 1; i >= 0; i--)
        {
            if (providers[i].TryGet(WorldKey, out _))
            {
                folder = i < files.Count ? files[i].Folder : Environment.CurrentDirectory;
                break;
            }
        }

        return Path.GetFullPath(Path.Combine(folder, world));
    }

    private static string? WorldSetter(IConfigurationRoot root, List<Func<string, string>> describe)
    {
        var providers = root.Providers.ToArray();
        for (int i = providers.Length - 1; i >= 0; i--)
        {
            if (providers[i].TryGet(WorldKey, out _))
            {
                return describe[i](WorldKey);
            }
        }

        return null;
    }

    private static string Messages(Exception ex)
    {
        var parts = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (!parts.Contains(e.Message))
            {
                parts.Add(e.Message);
            }
        }

        return string.Join(": ", parts);
    }

    [GeneratedRegex("at '([^']+)'")]
    private static partial Regex BinderPath();

    /// <summary>A configuration path at the start of a message: sections joined by ':' (at least two).</summary>
    [GeneratedRegex(@"^([A-Za-z][\w.\-]*(?::[\w.\-]+)+)")]
    private static partial Regex LeadingPath();
}
