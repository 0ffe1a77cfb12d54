namespace Mobility.Experiments.Sweeps;

/// <summary>One run of a sweep: its id (0-based, dense), the parameter point it runs, its replicate number and seed.</summary>
public readonly record struct PlannedRun(int RunId, int Point, int Replicate, ulong Seed);
