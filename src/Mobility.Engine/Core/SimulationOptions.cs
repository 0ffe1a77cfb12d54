namespace Mobility.Engine.Core;

/// <summary>How to execute a run; nothing here changes its results.</summary>
public sealed class SimulationOptions
{
    /// <summary>Worker threads (results are identical for any value).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
