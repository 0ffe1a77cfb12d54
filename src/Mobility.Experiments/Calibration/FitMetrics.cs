namespace Mobility.Experiments.Calibration;

using MathNet.Numerics.Statistics;

/// <summary>
/// Error measures between simulated and observed values. Counts are compared on a log scale because published figures
/// disagree by tens of percent and targets span three orders of magnitude.
/// </summary>
public static class FitMetrics
{
    /// <summary>Simulated values below this (persons) count as this in log ratios, so a target the model misses entirely has a finite error.</summary>
    public const double Floor = 1;

    public static double LogRatio(double simulated, double observed) => Math.Log(Math.Max(simulated, Floor) / observed);

    /// <summary>
    /// The error of one target: |log ratio| minus the tolerance band ln(1 + tolerance), never below 0 (a published
    /// figure given as +-30% does not pull the fit anywhere inside that band).
    /// </summary>
    public static double LogError(double simulated, double observed, double tolerance)
        => Math.Max(0, Math.Abs(LogRatio(simulated, observed)) - Math.Log(1 + tolerance));

    /// <summary>The calibration objective: weighted mean of the squared log errors, sum(w e^2) / sum(w).</summary>
    public static double Objective(IReadOnlyList<double> simulated, IReadOnlyList<double> observed, IReadOnlyList<double> weights, IReadOnlyList<double> tolerances)
    {
        double sum = 0, weight = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            double e = LogError(simulated[i], observed[i], tolerances[i]);
            sum += weights[i] * e * e;
            weight += weights[i];
        }

        return weight > 0 ? sum / weight : 0;
    }

    /// <summary>Median of |ln(simulated / observed)|: exp of it is the typical factor by which the model is off.</summary>
    public static double MedianAbsoluteLogRatio(IReadOnlyList<double> simulated, IReadOnlyList<double> observed)
        => simulated.Select((s, i) => Math.Abs(LogRatio(s, observed[i]))).Median();

    /// <summary>
    /// Mean relative difference, symmetric form: mean of |s - o| / ((s + o) / 2), 0 for a perfect fit, at most 2
    /// (the symmetric mean absolute percentage error; Makridakis 1993). Symmetric so over- and under-prediction
    /// by the same factor weigh alike.
    /// </summary>
    public static double MeanRelativeDifference(IReadOnlyList<double> simulated, IReadOnlyList<double> observed)
        => simulated.Select((s, i) => s + observed[i] > 0 ? Math.Abs(s - observed[i]) / ((s + observed[i]) / 2) : 0).Average();

    /// <summary>
    /// Common part of commuters / Sorensen index used to score spatial-interaction and migration models:
    /// 2 sum min(s, o) / (sum s + sum o), 1 for a perfect fit, 0 for no overlap (Lenormand et al. 2012).
    /// </summary>
    public static double CommonPart(IReadOnlyList<double> simulated, IReadOnlyList<double> observed)
    {
        double common = 0, total = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            common += Math.Min(simulated[i], observed[i]);
            total += simulated[i] + observed[i];
        }

        return total > 0 ? 2 * common / total : 0;
    }
}
