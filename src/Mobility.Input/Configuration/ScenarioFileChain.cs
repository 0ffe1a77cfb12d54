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
    /// <summary>The same leniency as the configuration JSON provider: comments and trailing commas are allowed.</summary>
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

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

            if (!File.Exists(current))
            {
                string message = namedBy is null
                    ? $"scenario file '{PathDisplay.Of(current)}' not found"
                    : $"scenario file '{PathDisplay.Of(current)}' not found (named as \"{ScenarioLoader.BaseKey}\" in '{PathDisplay.Of(namedBy)}')";
                throw new InputException(message);
            }

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
        string display = PathDisplay.Of(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, Options);
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            long position = (ex.BytePositionInLine ?? 0) + 1;
            throw new InputException($"{display}:{line}: malformed JSON at line {line}, position {position}: {Describe(ex)}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{display}: a scenario file must contain one JSON object {{ ... }} (found {root.ValueKind})");
            }

            string? basePath = null;
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!string.Equals(property.Name, ScenarioLoader.BaseKey, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                {
                    throw new InputException($"{display}: \"{ScenarioLoader.BaseKey}\" must be the path of the base scenario file, relative to this file's folder (e.g. \"baseline.json\")");
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

    /// <summary>The reader's message without its zero-based "LineNumber: .. | BytePositionInLine: .." suffix.</summary>
    private static string Describe(JsonException ex)
    {
        string message = ex.Message;
        foreach (string marker in new[] { " Path: ", " LineNumber: ", " | LineNumber" })
        {
            int at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd();
    }
}
