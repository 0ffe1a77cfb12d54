namespace Mobility.Experiments.Posterior;

/// <summary>
/// One data set of a simulation-based calibration: the true coefficients it was simulated with, the rank of each
/// among the posterior's draws (0..L: how many draws lie below it), and the posterior's size and final temperature (1: the posterior).
/// </summary>
public sealed record SbcDataSet(int Index, double[] Truth, int[] Ranks, int Generations, double Temperature, double EffectiveSampleSize, long Simulations);
