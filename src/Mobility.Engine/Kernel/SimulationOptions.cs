namespace Mobility.Engine.Kernel;

/// <summary>
/// How to execute a run. <see cref="Threads"/> never changes the results; <see cref="Seed"/> does (it replaces
/// <c>scenario:seed</c>); <see cref="ReportFrom"/> adds earlier years to the records without changing any year's values.
/// </summary>
public sealed class SimulationOptions
{
    /// <summary>Worker threads (results are identical for any value).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Seed for this run instead of <c>scenario:seed</c>. Replications and sweeps set it so that many runs can share one
    /// settings object; replication r of two scenarios with the same seed draws the same random numbers.
    /// </summary>
    public ulong? Seed { get; init; }

    /// <summary>
    /// First year whose records are collected when it is before <c>scenario:startYear</c>: spin-up years from it on
    /// are reported too (calibration compares them with observations of past years). The years simulated are the same.
    /// </summary>
    public int? ReportFrom { get; init; }

    /// <summary>A year whose end-of-year state the run hands to <see cref="Captured"/> as it passes it; null keeps none.</summary>
    public int? CaptureYear { get; init; }

    /// <summary>Receives the snapshot of <see cref="CaptureYear"/> (from the run's thread).</summary>
    public Action<SimulationSnapshot>? Captured { get; init; }

    /// <summary>
    /// What identifies the run's world in snapshot keys (e.g. the hashes of its files); empty when the runs that share
    /// snapshots share one world in memory.
    /// </summary>
    public string WorldIdentity { get; init; } = "";
}
