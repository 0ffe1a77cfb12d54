namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;

/// <summary>One target of a fit: the observation, the simulated mean over replications and its 95% interval, and ln(simulated / observed).</summary>
public sealed record FitRow(Observation Observation, double Simulated, double SimulatedLow, double SimulatedHigh, IReadOnlyList<double> Replications)
{
    /// <summary>ln(simulated / the nearest end of the published range): 0 inside a range of several figures.</summary>
    public double LogRatio => FitMetrics.RangeLogRatio(Simulated, Observation.Value, Observation.Upper);

    /// <summary>The factor by which the simulated mean is off, always >= 1.</summary>
    public double Factor => Math.Exp(Math.Abs(LogRatio));
}
