namespace Mobility.Engine.Measurement;

/// <summary>Everything a run measured over its reported years, in tidy (long) form.</summary>
public sealed class RunResult
{
    public required IReadOnlyList<MetricRecord> Metrics { get; init; }

    public required IReadOnlyList<FlowRecord> Flows { get; init; }

    public required IReadOnlyList<StockRecord> Stocks { get; init; }

    /// <summary>National-scholarship holders of origin enrolled in destination (a subset of <see cref="Stocks"/>), in persons.</summary>
    public IReadOnlyList<StockRecord> ScholarshipHolders { get; init; } = [];

    public required IReadOnlyList<UniversityRecord> Universities { get; init; }

    public required RunStatistics Statistics { get; init; }

    /// <summary>Agent accounting at the end of every simulated year (spin-up included), in agents.</summary>
    public required IReadOnlyList<PopulationLedger> Ledger { get; init; }
}

/// <summary>Timings and sizes of a run, for the manifest and for benchmarks.</summary>
public sealed class RunStatistics
{
    public double InitSeconds { get; set; }

    public double SimulateSeconds { get; set; }

    /// <summary>Seconds spent in each phase, summed over all simulated years (spin-up included).</summary>
    public Dictionary<string, double> PhaseSeconds { get; } = new();

    /// <summary>Active students and scholars summed over all simulated years (agents, spin-up included).</summary>
    public long AgentYears { get; set; }

    /// <summary>Alumni summed over all simulated years (agents), counted apart from active agents.</summary>
    public long AlumniYears { get; set; }

    public long PeakAgents { get; set; }

    public int YearsSimulated { get; set; }

    /// <summary>Active students (slots in use) at the peak, without scholars.</summary>
    public long PeakStudents { get; set; }

    /// <summary>
    /// Bytes of per-agent arrays held at the end of the run: student columns (allocated slots), the compaction's
    /// scratch column and scholars (mobile alumni are running totals, with no per-person arrays). The memory an
    /// agent costs, without the runtime.
    /// </summary>
    public long StateBytes { get; set; }

    /// <summary>Bytes of the active agents' state at the peak (students and scholars in use, not spare capacity).</summary>
    public long ActiveStateBytes { get; set; }
}
