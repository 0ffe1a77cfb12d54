namespace Mobility.Experiments.Calibration;

/// <summary>How far a pair inversion has got.</summary>
public readonly record struct PairInversionProgress(int Iteration, int Iterations, double Objective, double LargestChange, TimeSpan Elapsed);
