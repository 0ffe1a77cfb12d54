namespace Mobility.Engine.Kernel;

using Mobility.Engine.Measurement;

/// <summary>
/// A run's state at the end of a year (<see cref="Year"/>) and everything the run had measured by then: a run
/// continued from it (<see cref="Simulation.Run(SimulationSnapshot, IProgress{YearProgress}, CancellationToken)"/>)
/// gives bit for bit the results of the run from the first year. <see cref="Key"/> says which runs it can continue.
/// Immutable once made: many runs may continue from one snapshot at the same time.
/// </summary>
public sealed class SimulationSnapshot
{
    public required SnapshotKey Key { get; init; }

    /// <summary>The last simulated year.</summary>
    public int Year => Key.Year;

    /// <summary>The state, as named columns of raw bytes (little-endian, as laid out in memory).</summary>
    public required IReadOnlyDictionary<string, byte[]> Columns { get; init; }

    public required IReadOnlyList<MetricRecord> Metrics { get; init; }

    public required IReadOnlyList<FlowRecord> Flows { get; init; }

    public required IReadOnlyList<StockRecord> Stocks { get; init; }

    public required IReadOnlyList<UniversityRecord> Universities { get; init; }

    public required IReadOnlyList<PopulationLedger> Ledger { get; init; }

    /// <summary>Agent-years, alumni-years, peak agents and peak students so far (the run's statistics carry on from them).</summary>
    public required SnapshotCounters Counters { get; init; }

    /// <summary>Bytes of the state's columns (what a cache of snapshots holds in memory).</summary>
    public long StateBytes => Columns.Values.Sum(c => (long)c.Length);
}
