namespace Mobility.Experiments.Sensitivity;

/// <summary>
/// First-order (<see cref="First"/>) and total (<see cref="Total"/>) Sobol indices of one parameter, each with the
/// bounds of its bootstrap 95% percentile interval.
/// </summary>
public sealed record SobolIndex(
    string Parameter, double First, double FirstLow, double FirstHigh, double Total, double TotalLow, double TotalHigh);
