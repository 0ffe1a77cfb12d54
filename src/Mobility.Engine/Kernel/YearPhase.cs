namespace Mobility.Engine.Kernel;

/// <summary>
/// One named step of the academic year. The name is the phase's key in <c>RunStatistics.PhaseSeconds</c> (the
/// manifest's timers) and what the benchmarks pick a phase by; <see cref="Run"/> steps the phase once (one delegate
/// call per phase and year, never per agent).
/// </summary>
internal sealed record YearPhase(string Name, Action Run);
