namespace Mobility.Experiments.Calibration;

/// <summary>The fitted values (one per parameter, in order), the fit they give, the fit of the starting values, and the convergence log.</summary>
public sealed record CalibrationResult(
    IReadOnlyList<CalibrationParameter> Parameters,
    IReadOnlyList<double> Values,
    Fit Fit,
    Fit Initial,
    IReadOnlyList<CalibrationStep> Log);
