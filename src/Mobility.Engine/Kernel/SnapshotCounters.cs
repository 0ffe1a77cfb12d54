namespace Mobility.Engine.Kernel;

/// <summary>The run statistics a snapshot carries, so a continued run reports the same totals as a run from the start.</summary>
public readonly record struct SnapshotCounters(long AgentYears, long AlumniYears, long PeakAgents, long PeakStudents);
