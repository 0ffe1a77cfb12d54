namespace Mobility.Explorer;

/// <summary>Where the explorer listens and what it reads.</summary>
public sealed class ExplorerOptions
{
    /// <summary>Address to bind: 127.0.0.1 (this machine only) unless the user says otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 8080;

    /// <summary>Folder of the shipped scenarios (scenarios/*.json).</summary>
    public string ScenariosFolder { get; init; } = "scenarios";

    /// <summary>Folder under which existing comparison folders may be opened (the working directory's runs/).</summary>
    public string RunsFolder { get; init; } = "runs";

    /// <summary>Threads the runs use (results do not depend on it).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Largest request body accepted (bytes).</summary>
    public long MaxRequestBytes { get; init; } = 256 * 1024;

    /// <summary>Bytes of snapshots the server keeps in memory between what-ifs.</summary>
    public long SnapshotCacheBytes { get; init; } = 1L << 30;

    /// <summary>Runs the default reference (10 replications, scale 10) when the server starts, so the first what-if is answered from the cache.</summary>
    public bool WarmUp { get; init; } = true;
}
