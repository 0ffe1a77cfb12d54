namespace Mobility.Output.Sweeps;

using System.Text;
using System.Text.Json;
using Mobility.Experiments.Sweeps;

/// <summary>
/// Writes the resolved design (every key, defaults filled in) as a design file that <see cref="SweepDesignLoader"/>
/// reads back: the copy a sweep folder keeps, with the scenario path made relative to the folder.
/// </summary>
public static class SweepDesignWriter
{
    public static string ToJson(SweepDesign design, string folder)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", ScenarioReference(design.Scenario, folder));
            w.WriteString("method", design.Method.ToString().ToLowerInvariant());
            w.WriteNumber("samples", design.Samples);
            w.WriteNumber("replications", design.Replications);
            w.WriteNumber("seed", design.Seed);
            if (design.Scale is double scale)
            {
                w.WriteNumber("scale", scale);
            }

            w.WriteNumber("morrisLevels", design.MorrisLevels);
            WriteStrings(w, "metrics", design.Metrics);
            w.WriteStartArray("years");
            foreach (int y in design.Years)
            {
                w.WriteNumberValue(y);
            }

            w.WriteEndArray();
            WriteStrings(w, "countries", design.Countries);
            WriteStrings(w, "sets", design.Sets);
            w.WriteStartArray("parameters");
            foreach (SweepParameter p in design.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("path", p.Path);
                w.WriteString("name", p.Name);
                w.WriteStartArray(p.IsRange ? "range" : "levels");
                foreach (double v in p.IsRange ? [p.Min!.Value, p.Max!.Value] : p.Levels!)
                {
                    w.WriteNumberValue(v);
                }

                w.WriteEndArray();
                w.WriteBoolean("integer", p.Integer);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// The scenario path relative to the sweep folder (so that the repository and its sweeps can move together),
    /// unless the two only share the file system's root: then absolute.
    /// </summary>
    private static string ScenarioReference(string scenario, string folder)
    {
        string full = Path.GetFullPath(folder);
        string relative = Path.GetRelativePath(full, scenario);
        int up = relative.Split(Path.DirectorySeparatorChar).TakeWhile(s => s == "..").Count();
        int depth = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Length;
        return Path.IsPathRooted(relative) || up >= depth ? scenario : relative.Replace('\\', '/');
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
