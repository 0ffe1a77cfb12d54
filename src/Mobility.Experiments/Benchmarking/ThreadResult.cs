namespace Mobility.Experiments.Benchmarking;

/// <summary>One thread count's line of bench.json (names become snake_case keys).</summary>
public sealed record ThreadResult
{
    public required int Threads { get; init; }

    /// <summary>Median wall seconds of a whole run (state built, every year simulated, spin-up included).</summary>
    public required double MedianSeconds { get; init; }

    /// <summary>Active students and scholars summed over the simulated years, per median second.</summary>
    public required double AgentYearsPerSecond { get; init; }

    /// <summary>Median time of the reference thread count (1 when measured, else the smallest) over this one's, all rounds' runs pooled.</summary>
    public required double Speedup { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>(Peak working set - working set before the run) / peak active agents.</summary>
    public required double BytesPerAgent { get; init; }

    /// <summary>Time of one simulated year over the time to stream the active agent state once.</summary>
    public required double StreamBoundRatio { get; init; }

    /// <summary>Wall seconds of every run, round after round.</summary>
    public required double[] Seconds { get; init; }

    /// <summary>Median wall seconds of each round's runs (one process each, unless the bench ran in process).</summary>
    public required double[] RoundMedianSeconds { get; init; }

    /// <summary>Per round, the reference thread count's round median over this one's.</summary>
    public required double[] RoundSpeedups { get; init; }

    /// <summary>Median of <see cref="RoundSpeedups"/>: the speed-up with the drift between rounds paired out.</summary>
    public required double MedianRoundSpeedup { get; init; }

    public required long AgentYears { get; init; }

    public required long AlumniYears { get; init; }

    public required int YearsSimulated { get; init; }

    public required long PeakActiveAgents { get; init; }

    public required long BaseWorkingSetBytes { get; init; }

    /// <summary>Bytes of the per-agent arrays (allocated student slots, the compaction scratch and scholars) over peak active agents.</summary>
    public required double StateBytesPerAgent { get; init; }

    public required double YearSeconds { get; init; }

    public required double StreamSeconds { get; init; }

    public required long StreamBytes { get; init; }

    public required double StreamGigabytesPerSecond { get; init; }

    public required Dictionary<string, double> PhaseSeconds { get; init; }
}
