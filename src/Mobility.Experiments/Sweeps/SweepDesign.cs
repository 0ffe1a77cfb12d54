namespace Mobility.Experiments.Sweeps;

using Mobility.Engine.Measurement;

/// <summary>
/// A parameter sweep as planned: the base scenario, the varied parameters, the sampling method and its sizes, the
/// replications per point, the seed (for sampling and, plus the replicate number, for the runs) and the outputs
/// to keep. Built from a design file by Mobility.Output (SweepDesignLoader); checked there against the scenario.
/// </summary>
public sealed record SweepDesign
{
    /// <summary>Absolute path of the base scenario file.</summary>
    public required string Scenario { get; init; }

    public required SamplingMethod Method { get; init; }

    /// <summary>Points (random, lhs), base rows (sobol), trajectories (morris) or values per range (grid).</summary>
    public required int Samples { get; init; }

    public int Replications { get; init; } = 1;

    public int Seed { get; init; } = 1;

    /// <summary>Persons per agent for every run (null: the scenario's own).</summary>
    public double? Scale { get; init; }

    /// <summary>Grid levels of Morris trajectories (even).</summary>
    public int MorrisLevels { get; init; } = 4;

    public required IReadOnlyList<SweepParameter> Parameters { get; init; }

    /// <summary>Metric names kept (see <see cref="Mobility.Model.Metrics.MetricCatalogue.Measured"/>).</summary>
    public required IReadOnlyList<string> Metrics { get; init; }

    /// <summary>Reported years kept (empty: all).</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>Countries kept (empty: all).</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Fixed <c>key=value</c> overrides applied to every run, before the varied parameters.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>The seed of replicate <paramref name="replicate"/>: the same at every point (common random numbers).</summary>
    public ulong RunSeed(int replicate) => (ulong)Seed + (ulong)replicate;

    /// <summary>Whether a measurement is one the sweep keeps.</summary>
    public bool Keeps(MetricRecord record)
        => Metrics.Contains(record.Metric, StringComparer.Ordinal)
            && (Years.Count == 0 || Years.Contains(record.Year))
            && (Countries.Count == 0 || Countries.Contains(record.Country, StringComparer.Ordinal));
}
