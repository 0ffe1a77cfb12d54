namespace Mobility.Experiments.Runs;

using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>One simulation to run in a batch: a world, resolved settings and the seed to run them with.</summary>
/// <remarks>Jobs may share the same world and settings objects: the engine reads them and never writes to them.</remarks>
public sealed record RunJob(WorldData World, ScenarioSettings Settings, ulong Seed)
{
    /// <summary>Report spin-up years from this year on too (see SimulationOptions.ReportFrom); null reports from the start year.</summary>
    public int? ReportFrom { get; init; }

    /// <summary>A snapshot of this run to continue from instead of the first year (see <see cref="ForkedBatch"/>); null runs from the start.</summary>
    public Mobility.Engine.Kernel.SimulationSnapshot? From { get; init; }
}
