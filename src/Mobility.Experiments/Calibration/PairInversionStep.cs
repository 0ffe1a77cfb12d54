namespace Mobility.Experiments.Calibration;

/// <summary>One iteration of the pair inversion: the objective and median |log ratio| after it, and the largest change of a constant.</summary>
public sealed record PairInversionStep(int Iteration, double Objective, double MedianAbsoluteLogRatio, double LargestChange, TimeSpan Elapsed);
