namespace Mobility.Experiments.Calibration;

/// <summary>One evaluation of the objective (a line of the convergence log).</summary>
public sealed record CalibrationStep(int Evaluation, string Phase, IReadOnlyList<double> Values, double Objective, double BestObjective, double MedianAbsoluteLogRatio, TimeSpan Elapsed);
