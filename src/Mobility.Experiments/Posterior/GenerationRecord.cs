namespace Mobility.Experiments.Posterior;

/// <summary>
/// One generation's diagnostics: the tolerance its particles met (generation 0: the largest distance, every prior
/// draw being accepted), its simulations (accepted or not, including those beyond the N-th acceptance in its last
/// round), the acceptance rate N / simulations, the effective sample size of its weights, the rounds (batches) it took,
/// and the time since the start.
/// </summary>
public sealed record GenerationRecord(int Generation, double Tolerance, long Simulations, int Accepted, double AcceptanceRate, double EffectiveSampleSize, int Rounds, TimeSpan Elapsed);
