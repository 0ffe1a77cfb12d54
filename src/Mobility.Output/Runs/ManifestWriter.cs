namespace Mobility.Output.Runs;

using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Input.World;

/// <summary>Builds and writes <c>manifest.json</c> (System.Text.Json, indented, snake_case names).</summary>
public static class ManifestWriter
{
    public const string FileName = "manifest.json";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,

        // A file for people and tools, not HTML: keep '+' in versions and non-ASCII names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The engine's informational version (e.g. <c>0.1.0+commit</c>).</summary>
    public static string EngineVersion =>
        typeof(Simulation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Simulation).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Builds the manifest; hashes the world CSV files and every file already in <paramref name="outputFolder"/>.</summary>
    public static RunManifest Create(
        LoadedScenario scenario, RunIdentity run, int threads, DateTimeOffset startedUtc, DateTimeOffset finishedUtc,
        RunStatistics statistics, string outputFolder)
    {
        var worldFiles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in WorldCsvLoader.FileNames)
        {
            string path = Path.Combine(scenario.WorldFolder, name);
            if (File.Exists(path))
            {
                worldFiles[name] = FileHash.Sha256(path);
            }
        }

        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(outputFolder))
        {
            string name = Path.GetFileName(path);
            if (name != FileName)
            {
                outputs[name] = FileHash.Sha256(path);
            }
        }

        return new RunManifest
        {
            RunId = run.RunId,
            Scenario = run.Scenario,
            ScenarioFiles = scenario.Files,
            Seed = run.Seed,
            Scale = run.Scale,
            Threads = threads,
            EngineVersion = EngineVersion,
            StartedUtc = startedUtc,
            FinishedUtc = finishedUtc,
            Timings = new RunTimings
            {
                WallSeconds = (finishedUtc - startedUtc).TotalSeconds,
                InitSeconds = statistics.InitSeconds,
                SimulateSeconds = statistics.SimulateSeconds,
                PhaseSeconds = new SortedDictionary<string, double>(statistics.PhaseSeconds, StringComparer.Ordinal),
                AgentYears = statistics.AgentYears,
                AlumniYears = statistics.AlumniYears,
                PeakAgents = statistics.PeakAgents,
                YearsSimulated = statistics.YearsSimulated,
                AgentsPerSecond = statistics.SimulateSeconds > 0 ? statistics.AgentYears / statistics.SimulateSeconds : 0,
            },
            Configuration = scenario.Configuration,
            World = new WorldManifest { Folder = scenario.WorldFolder, Files = worldFiles },
            Outputs = outputs,
        };
    }

    public static async Task WriteAsync(string path, RunManifest manifest, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await JsonSerializer.SerializeAsync(stream, manifest, JsonOptions, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
