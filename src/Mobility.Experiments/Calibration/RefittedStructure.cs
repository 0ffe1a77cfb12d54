namespace Mobility.Experiments.Calibration;

/// <summary>
/// One validation check's refitted coefficients (<see cref="StructureRefit"/>): which check (e.g. "fold 2/5"), the
/// values in parameter order, and the training objective of the structure alone at the start and at the refit.
/// </summary>
public sealed record RefittedStructure(string Check, IReadOnlyList<CalibrationParameter> Parameters, IReadOnlyList<double> Values, double StartObjective, double Objective);
