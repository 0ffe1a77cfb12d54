namespace Mobility.Experiments.Comparison;

using Mobility.Experiments.Runs;

/// <summary>How a comparison's runs are executed; never what they compute.</summary>
public sealed class ComparisonExecution
{
    /// <summary>Simulate the years the scenarios share once per replication (default); false runs every scenario from the first year.</summary>
    public bool Fork { get; init; } = true;

    /// <summary>Finished runs and snapshots kept between comparisons (a long-lived process), or null.</summary>
    public RunCache? Cache { get; init; }
}
