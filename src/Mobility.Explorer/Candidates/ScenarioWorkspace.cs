namespace Mobility.Explorer.Candidates;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mobility.Input;
using Mobility.Input.Configuration;

/// <summary>
/// The shipped scenarios and the candidates built over them. A candidate is written as a scenario overlay (the
/// reference as its <c>base</c>, its name, its levers) and loaded by <see cref="ScenarioLoader"/>: the same loader and
/// validator as <c>mobility validate</c>, <c>run</c> and <c>compare</c>, so what the explorer accepts they accept.
/// </summary>
public sealed partial class ScenarioWorkspace : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly string scratch;
    private int written;

    public ScenarioWorkspace(string scenariosFolder)
    {
        ScenariosFolder = Path.GetFullPath(scenariosFolder);
        scratch = Path.Combine(Path.GetTempPath(), "mobility-explorer-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(scratch);
    }

    public string ScenariosFolder { get; }

    /// <summary>The shipped scenarios: file name, scenario name, description, base file (null for a root scenario) and own levers.</summary>
    public IReadOnlyList<ShippedScenario> Shipped()
    {
        var list = new List<ShippedScenario>();
        foreach (string path in Directory.EnumerateFiles(ScenariosFolder, "*.json").Order(StringComparer.Ordinal))
        {
            JsonObject? root;
            try
            {
                root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject;
            }
            catch (JsonException)
            {
                continue; // not a scenario: validate names the problem when it is used
            }

            if (root is null)
            {
                continue;
            }

            string file = Path.GetFileName(path);
            var scenario = root["scenario"] as JsonObject;
            list.Add(new ShippedScenario(
                file,
                (string?)scenario?["name"] ?? Path.GetFileNameWithoutExtension(path),
                (string?)scenario?["description"] ?? "",
                (string?)root["base"],
                (root["policies"] as JsonObject)?.DeepClone().AsObject() ?? []));
        }

        return list;
    }

    /// <summary>The path of a shipped scenario by file name; anything else (a path, another folder) is refused.</summary>
    public string ShippedPath(string file)
    {
        if (string.IsNullOrWhiteSpace(file) || file != Path.GetFileName(file) || !file.EndsWith(".json", StringComparison.Ordinal)
            || !File.Exists(Path.Combine(ScenariosFolder, file)))
        {
            throw new RequestRejectedException([new Problem("reference", $"reference must be the file name of a shipped scenario in {PathDisplay.Of(ScenariosFolder)} (was '{file}')")]);
        }

        return Path.Combine(ScenariosFolder, file);
    }

    /// <summary>
    /// The candidate as a scenario file: <c>base</c> is the reference's file name, so the file belongs beside the
    /// shipped scenarios (scenarios/NAME.json), where <c>mobility validate</c> and <c>mobility compare</c> read it.
    /// </summary>
    public string ScenarioJson(string reference, CandidateRequest candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ShippedPath(reference);
        return Overlay(reference, candidate).ToJsonString(Indented) + "\n";
    }

    /// <summary>Loads the reference alone (<paramref name="candidate"/> null) or a candidate over it; every problem is a <see cref="RequestRejectedException"/>.</summary>
    public LoadedScenario Load(string reference, CandidateRequest? candidate, double scale, string field = "candidate")
    {
        string referencePath = ShippedPath(reference);
        var options = new ScenarioLoadOptions { Scale = scale, Environment = new Dictionary<string, string>() };
        if (candidate is null)
        {
            return Rejecting(() => ScenarioLoader.Load(referencePath, options), referencePath, "reference");
        }

        CheckName(candidate.Name, field);
        var overlay = Overlay(referencePath, candidate);
        string path = Path.Combine(scratch, $"{Interlocked.Increment(ref written).ToString(CultureInfo.InvariantCulture)}-{candidate.Name}.json");
        File.WriteAllText(path, overlay.ToJsonString(Indented));
        try
        {
            return Rejecting(() => ScenarioLoader.Load(path, options), path, field);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (IOException)
        {
            // a scratch folder in the temporary directory: left for the system to clean
        }
    }

    private static JsonObject Overlay(string reference, CandidateRequest candidate)
    {
        var scenario = new JsonObject { ["name"] = candidate.Name };
        if (!string.IsNullOrWhiteSpace(candidate.Description))
        {
            scenario["description"] = candidate.Description;
        }

        return new JsonObject
        {
            ["base"] = reference,
            ["scenario"] = scenario,
            ["policies"] = candidate.Policies?.DeepClone() ?? new JsonObject(),
        };
    }

    private static void CheckName(string name, string field)
    {
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
        {
            throw new RequestRejectedException([new Problem(field + ":name", $"the candidate's name must be 1 to 60 letters, digits, '.', '_' or '-' (was '{name}')")]);
        }
    }

    /// <summary>Runs the loader; its problems become problems of the fields they name (configuration paths), the scratch file named as the candidate.</summary>
    private static LoadedScenario Rejecting(Func<LoadedScenario> load, string path, string field)
    {
        try
        {
            return load();
        }
        catch (InputException ex)
        {
            string shown = PathDisplay.Of(path);
            var problems = ex.Problems.Select(p =>
            {
                string message = p.Replace(shown, "the " + field, StringComparison.Ordinal).Replace(path, "the " + field, StringComparison.Ordinal);
                var match = ConfigurationPath().Match(message);
                return new Problem(match.Success ? match.Value : field, message);
            }).ToArray();
            throw new RequestRejectedException(problems);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,60}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"policies:[A-Za-z]+:[^:\s,;'""()]+(?::[A-Za-z]+)?")]
    private static partial Regex ConfigurationPath();
}
