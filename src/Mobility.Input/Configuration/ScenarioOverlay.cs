namespace Mobility.Input.Configuration;

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// Writes a scenario overlay: a JSON file whose <c>"base"</c> names the scenario it layers over (relative to the
/// overlay's own folder) and which sets configuration paths (<c>degreeMobility:a0</c>, <c>entry:rateByCountry:TKM</c>)
/// to values, as nested sections.
/// </summary>
public static class ScenarioOverlay
{
    /// <param name="overlayPath">Where the overlay will be saved (the base path is made relative to its folder).</param>
    /// <param name="settings">Settings written before <paramref name="values"/> (which win on the same path), as given on
    /// the command line (<c>--set path=text</c>): a number or true/false as such, any other text as a string.</param>
    public static string Json(
        string overlayPath, string basePath, string name, string description, IEnumerable<KeyValuePair<string, double>> values,
        IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var root = new JsonObject
        {
            [ScenarioLoader.BaseKey] = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(overlayPath))!, Path.GetFullPath(basePath)).Replace('\\', '/'),
            ["scenario"] = new JsonObject { ["name"] = name, ["description"] = description },
        };
        foreach (var (path, text) in settings ?? [])
        {
            Put(root, path, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? JsonValue.Create(number)
                : bool.TryParse(text, out bool flag) ? JsonValue.Create(flag)
                : JsonValue.Create(text));
        }

        foreach (var (path, value) in values)
        {
            Put(root, path, JsonValue.Create(Math.Round(value, 6)));
        }

        // Relaxed escaping keeps quotes and arrows in descriptions readable; the file is JSON, not HTML.
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + Environment.NewLine;
    }

    /// <summary>Sets <paramref name="path"/> (sections joined by ':', matched without regard to case) to <paramref name="value"/>.</summary>
    private static void Put(JsonObject root, string path, JsonNode value)
    {
        // A key the section already has, in whatever case it was written, else the key as given.
        static string KeyIn(JsonObject section, string key)
            => section.Select(kv => kv.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;

        string[] keys = path.Split(':');
        JsonObject section = root;
        foreach (string key in keys[..^1])
        {
            string existing = KeyIn(section, key);
            if (section[existing] is not JsonObject child)
            {
                child = new JsonObject();
                section[existing] = child;
            }

            section = child;
        }

        section[KeyIn(section, keys[^1])] = value;
    }

    /// <summary>The value a resolved configuration gives a path, if it is set and numeric.</summary>
    public static double? Value(IReadOnlyDictionary<string, string> configuration, string path)
    {
        var match = configuration.FirstOrDefault(kv => string.Equals(kv.Key, path, StringComparison.OrdinalIgnoreCase));
        return match.Value is string text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
    }
}
