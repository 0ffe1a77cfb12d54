namespace Mobility.Output.Posterior;

using Mobility.Input;
using System.Text.Json;
using Mobility.Output.Files;
using Mobility.Output.Runs;

/// <summary>
/// What a posterior folder's simulations were run with (<c>settings.json</c>): the scenario's resolved configuration
/// (by hash), the observations and priors files (by hash), and the options that decide which proposals are simulated.
/// A resumed or sharded run must have the same, or its stored simulations would belong to another posterior. Options
/// that only decide when to stop (the generation limit, the minimum tolerance decrease) may change between runs, so a
/// finished posterior can be continued for more generations.
/// </summary>
public static class PosteriorSettings
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the settings into a new folder, or checks them against those it was started with.</summary>
    public static void WriteOrCheck(PosteriorFolder folder, IReadOnlyDictionary<string, string> settings)
    {
        if (File.Exists(folder.Settings))
        {
            Dictionary<string, string>? recorded;
            try
            {
                recorded = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(folder.Settings));
            }
            catch (JsonException ex)
            {
                throw new InputException($"{PathDisplay.Of(folder.Settings)} is not valid ({ex.Message}); start over with --force");
            }

            var differences = settings.Keys.Union(recorded?.Keys ?? Enumerable.Empty<string>())
                .Where(k => !Equals(settings.GetValueOrDefault(k), recorded?.GetValueOrDefault(k)))
                .Order(StringComparer.Ordinal)
                .Select(k => $"{k}: {recorded?.GetValueOrDefault(k) ?? "(none)"} then, {settings.GetValueOrDefault(k) ?? "(none)"} now")
                .ToArray();
            if (differences.Length > 0)
            {
                throw new InputException(
                    [$"{folder.Display} holds a posterior run with other settings, so its simulations cannot be reused; pass --force to discard them, or use another --out:", .. differences]);
            }

            return;
        }

        Directory.CreateDirectory(folder.Path);
        AtomicFile.WriteAllTextAsync(folder.Settings, JsonSerializer.Serialize(new SortedDictionary<string, string>(settings.ToDictionary(), StringComparer.Ordinal), Indented) + "\n")
            .GetAwaiter().GetResult();
    }

    /// <summary>Removes a posterior folder's simulations and outputs (for --force).</summary>
    public static void Discard(PosteriorFolder folder)
    {
        if (!Directory.Exists(folder.Path))
        {
            return;
        }

        if (Directory.Exists(folder.Generations))
        {
            Directory.Delete(folder.Generations, recursive: true);
        }

        foreach (string file in new[] { folder.Settings, folder.PosteriorParquet, folder.GenerationsParquet, folder.Diagnostics, folder.Html })
        {
            File.Delete(file);
        }
    }
}
