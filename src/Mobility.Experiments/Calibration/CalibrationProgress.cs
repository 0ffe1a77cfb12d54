namespace Mobility.Experiments.Calibration;

/// <summary>How far a calibration has got: objective evaluations done out of the budget, the best objective so far, and the phase.</summary>
public readonly record struct CalibrationProgress(int Evaluations, int Budget, double BestObjective, string Phase, TimeSpan Elapsed);
