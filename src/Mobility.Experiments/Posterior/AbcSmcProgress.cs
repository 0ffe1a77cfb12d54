namespace Mobility.Experiments.Posterior;

/// <summary>How far an annealed ABC-SMC run has got: the generation being simulated, the simulations in all, the last generation's temperature.</summary>
public readonly record struct AbcSmcProgress(int Generation, int MaxGenerations, long Simulations, double Temperature, TimeSpan Elapsed);
