namespace Mobility.Experiments.Posterior;

/// <summary>How far an ABC-SMC run has got: the generation being filled, its accepted particles so far, the simulations in all.</summary>
public readonly record struct AbcSmcProgress(int Generation, int MaxGenerations, int Accepted, int Particles, long Simulations, double Tolerance, TimeSpan Elapsed);
