namespace Mobility.Experiments.Benchmarking;

/// <summary>
/// What the repetitions of one configuration (one thread count) measured, in the process that ran them. The bench
/// verb runs each configuration in a child process of its own and reads this back, so that the peak working set
/// belongs to that configuration alone.
/// </summary>
public sealed record ConfigurationMeasurement
{
    public required int Threads { get; init; }

    /// <summary>Wall seconds of every repetition (building the state and simulating every year, spin-up included).</summary>
    public required double[] Seconds { get; init; }

    /// <summary>Active students and scholars summed over the simulated years (one repetition).</summary>
    public required long AgentYears { get; init; }

    /// <summary>Alumni summed over the simulated years, counted apart from the active agents.</summary>
    public required long AlumniYears { get; init; }

    public required int YearsSimulated { get; init; }

    public required long PeakActiveAgents { get; init; }

    /// <summary>Bytes of the per-agent arrays at the end of a run (allocated student slots, the compaction scratch and scholars).</summary>
    public required long StateBytes { get; init; }

    /// <summary>Bytes of the active agents' columns at the peak: the array streamed to measure bandwidth.</summary>
    public required long ActiveStateBytes { get; init; }

    /// <summary>Working set of the process before the first repetition (runtime, code, world data).</summary>
    public required long BaseWorkingSetBytes { get; init; }

    /// <summary>Peak working set of the process over all repetitions.</summary>
    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>Seconds to read <see cref="StreamBytes"/> once with the configuration's threads (best of several passes).</summary>
    public required double StreamSeconds { get; init; }

    public required long StreamBytes { get; init; }

    /// <summary>Seconds per phase, summed over the years, of the median repetition.</summary>
    public required Dictionary<string, double> PhaseSeconds { get; init; }
}
