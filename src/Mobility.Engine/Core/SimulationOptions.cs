namespace Mobility.Engine.Core;

/// <summary>How to execute a run; nothing here changes its results.</summary>
public sealed class SimulationOptions
{
    /// <summary>Worker threads (results are identical for any value).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Seed for this run instead of <c>scenario:seed</c>. Replications and sweeps set it so that many runs can share one
    /// settings object; replication r of two scenarios with the same seed draws the same random numbers.
    /// </summary>
    public ulong? Seed { get; init; }
}
