namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;

/// <summary>One target of a fit: the observation, the simulated mean over replications and its 95% interval, and ln(simulated / observed).</summary>
public sealed record FitRow(Observation Observation, double Simulated, double SimulatedLow, double SimulatedHigh, IReadOnlyList<double> Replications)
{
    public double LogRatio => FitMetrics.LogRatio(Simulated, Observation.Value);

    /// <summary>The factor by which the simulated mean is off, always >= 1.</summary>
    public double Factor => Math.Exp(Math.Abs(LogRatio));
}
