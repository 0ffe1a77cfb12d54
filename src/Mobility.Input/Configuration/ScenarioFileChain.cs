namespace Mobility.Input.Configuration;

using System.Text.Json;

/// <summary>One scenario JSON file of a base chain, read and checked for syntax.</summary>
/// <param name="FullPath">Absolute path.</param>
/// <param name="Content">The file's bytes (handed to the configuration JSON provider as a stream).</param>
/// <param name="ArrayLengths">Every JSON array in the file by configuration path (e.g. <c>policies:x:y:countries</c>) and its length.</param>
internal sealed record ScenarioFile(string FullPath, byte[] Content, IReadOnlyDictionary<string, int> ArrayLengths)
{
    public string Folder => Path.GetDirectoryName(FullPath)!;

    public string Display => PathDisplay.Of(FullPath);
}

/// <summary>
/// Follows the <c>"base"</c> keys from a scenario file down to the root base, detecting cycles, and returns the
/// files in layering order (root base first, the named scenario last).
/// </summary>
internal static class ScenarioFileChain
{
    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparer.OrdinalIgnoreCase
        : StringComparer.Ordinal;

    public static IReadOnlyList<ScenarioFile> Read(string scenarioPath)
    {
        var chain = new List<ScenarioFile>();
        string current = Path.GetFullPath(scenarioPath);
        string? namedBy = null;
        while (true)
        {
            int seen = chain.FindIndex(f => PathComparer.Equals(f.FullPath, current));
            if (seen >= 0)
            {
                string cycle = string.Join(" -> ", chain.Skip(seen).Select(f => f.Display).Append(PathDisplay.Of(current)));
                throw new InputException($"scenario files form a cycle through their \"{ScenarioLoader.BaseKey}\" keys: {cycle}");
            }

            InputFile.Require(current, "scenario file", "*.json", namedBy is null ? null : $"named as \"{ScenarioLoader.BaseKey}\" in '{PathDisplay.Of(namedBy)}'");

            byte[] content = File.ReadAllBytes(current);
            var (arrays, basePath) = Inspect(current, content);
            chain.Add(new ScenarioFile(current, content, arrays));
            if (basePath is null)
            {
                break;
            }

            namedBy = current;
            current = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, basePath));
        }

        chain.Reverse();
        return chain;
    }

    private static (IReadOnlyDictionary<string, int> Arrays, string? Base) Inspect(string path, byte[] content)
    {
        JsonDocument document = JsonObjectFile.Parse(PathDisplay.Of(path), content, "a scenario file");
        using (document)
        {
            JsonElement root = document.RootElement;

            string? basePath = null;
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!string.Equals(property.Name, ScenarioLoader.BaseKey, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                {
                    throw new InputException($"{PathDisplay.Of(path)}: \"{ScenarioLoader.BaseKey}\" must be the path of the base scenario file, relative to this file's folder (e.g. \"baseline.json\")");
                }

                basePath = property.Value.GetString();
            }

            var arrays = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            CollectArrays(root, "", arrays);
            return (arrays, basePath);
        }
    }

    private static void CollectArrays(JsonElement element, string path, Dictionary<string, int> arrays)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    CollectArrays(property.Value, path.Length == 0 ? property.Name : $"{path}:{property.Name}", arrays);
                }

                break;
            case JsonValueKind.Array:
                arrays[path] = element.GetArrayLength();
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    CollectArrays(item, $"{path}:{i++}", arrays);
                }

                break;
        }
    }
}
