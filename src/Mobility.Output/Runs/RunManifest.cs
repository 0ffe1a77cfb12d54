namespace Mobility.Output.Runs;

/// <summary>What a run was and how it went; written as <c>manifest.json</c> beside the Parquet files.</summary>
public sealed class RunManifest
{
    public required string RunId { get; init; }

    public required string Scenario { get; init; }

    /// <summary>Scenario files layered, root base first.</summary>
    public required IReadOnlyList<string> ScenarioFiles { get; init; }

    public required ulong Seed { get; init; }

    public required double Scale { get; init; }

    public required int Threads { get; init; }

    public required string EngineVersion { get; init; }

    /// <summary>When the run started (the CLI takes the moment the command started, before loading).</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>When the simulation finished (outputs are written after it).</summary>
    public required DateTimeOffset FinishedUtc { get; init; }

    public required RunTimings Timings { get; init; }

    /// <summary>Every resolved configuration value, sorted by key.</summary>
    public required IReadOnlyDictionary<string, string> Configuration { get; init; }

    public required WorldManifest World { get; init; }

    /// <summary>SHA-256 (hex) of each output file, by file name.</summary>
    public required IReadOnlyDictionary<string, string> Outputs { get; init; }
}

public sealed class RunTimings
{
    /// <summary><see cref="RunManifest.FinishedUtc"/> minus <see cref="RunManifest.StartedUtc"/>.</summary>
    public double WallSeconds { get; init; }

    public double InitSeconds { get; init; }

    public double SimulateSeconds { get; init; }

    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();

    public long AgentYears { get; init; }

    public long AlumniYears { get; init; }

    public long PeakAgents { get; init; }

    public int YearsSimulated { get; init; }

    /// <summary>Agent-years simulated per second of simulation time.</summary>
    public double AgentsPerSecond { get; init; }
}

public sealed class WorldManifest
{
    public required string Folder { get; init; }

    /// <summary>SHA-256 (hex) of each world CSV file, by file name.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }
}
