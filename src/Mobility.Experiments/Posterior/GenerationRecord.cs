namespace Mobility.Experiments.Posterior;

/// <summary>
/// One generation's diagnostics: its temperature T (the weights hold the likelihood to the power 1/T; 1 is the
/// posterior), its simulations (N: every proposal is kept, with its weight), the effective sample size of its own weights,
/// that of the pool of all generations so far reweighted to its temperature (<see cref="Temperatures.PooledWeights"/>:
/// at the last generation, the posterior's), the weighted median of its particles' distances (the objective), and the time since the start.
/// </summary>
public sealed record GenerationRecord(int Generation, double Temperature, long Simulations, double EffectiveSampleSize, double PooledEffectiveSampleSize, double MedianDistance, TimeSpan Elapsed);
