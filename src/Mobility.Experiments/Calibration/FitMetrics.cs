namespace Mobility.Experiments.Calibration;

using MathNet.Numerics.Statistics;
using Mobility.Model.Observations;

/// <summary>
/// Error measures between simulated and observed values. Counts are compared on a log scale because published figures
/// disagree by tens of percent and targets span three orders of magnitude.
/// </summary>
public static class FitMetrics
{
    /// <summary>Simulated values below this (persons) count as this in log ratios, so a target the model misses entirely has a finite error.</summary>
    public const double Floor = 1;

    /// <summary>
    /// Scale of the robust loss in log units: errors up to ln 1.5 (a factor 1.5) count quadratically, larger ones
    /// linearly (Huber 1964), so one figure off by 10x pulls the fit like a figure off by about 1.5 * 5 in squares.
    /// </summary>
    public static readonly double HuberScale = Math.Log(1.5);

    public static double LogRatio(double simulated, double observed) => Math.Log(Math.Max(simulated, Floor) / observed);

    /// <summary>
    /// ln(simulated / nearest end of the range [low, high]) of published figures: 0 inside the range (a single figure
    /// is a range of one point), the log ratio to the low end below it and to the high end above it.
    /// </summary>
    public static double RangeLogRatio(double simulated, double low, double high)
    {
        double s = Math.Max(simulated, Floor);
        return s < low ? Math.Log(s / low) : s > high ? Math.Log(s / high) : 0;
    }

    /// <summary>
    /// The error of one target: |log ratio| minus the tolerance band ln(1 + tolerance), never below 0 (a published
    /// figure given as +-30% does not pull the fit anywhere inside that band).
    /// </summary>
    public static double LogError(double simulated, double observed, double tolerance)
        => LogError(simulated, observed, observed, tolerance);

    /// <summary>The distance in log units from the simulated value to the range [low, high] widened by the tolerance band.</summary>
    public static double LogError(double simulated, double low, double high, double tolerance)
        => Math.Max(0, Math.Abs(RangeLogRatio(simulated, low, high)) - Math.Log(1 + tolerance));

    /// <summary>Huber's loss of a log error e: e^2 / 2 up to <paramref name="scale"/>, then scale (|e| - scale / 2).</summary>
    public static double Huber(double e, double scale)
    {
        double a = Math.Abs(e);
        return a <= scale ? a * a / 2 : scale * (a - (scale / 2));
    }

    /// <summary>Squared loss e^2 / 2 (for comparison with <see cref="Huber"/>; it is Huber's loss with an infinite scale).</summary>
    public static double Squared(double e) => e * e / 2;

    /// <summary>
    /// The calibration objective with one published figure per target: weighted mean of the robust loss of the log
    /// errors, sum(w Huber(e)) / sum(w).
    /// </summary>
    public static double Objective(IReadOnlyList<double> simulated, IReadOnlyList<double> observed, IReadOnlyList<double> weights, IReadOnlyList<double> tolerances)
        => Objective(simulated, observed, observed, weights, tolerances, HuberScale);

    /// <summary>The calibration objective over targets (comparable ones only: the others have no simulated value).</summary>
    public static double Objective(IReadOnlyList<double> simulated, IReadOnlyList<Observation> targets, double scale)
    {
        double sum = 0, weight = 0;
        for (int i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            if (t.Comparable && t.Weight > 0)
            {
                sum += t.Weight * Huber(LogError(simulated[i], t.Value, t.Upper, t.Tolerance), scale);
                weight += t.Weight;
            }
        }

        return weight > 0 ? sum / weight : 0;
    }

    /// <summary>Weighted mean of the robust loss of the log errors to the ranges [low, high] (an infinite scale gives the squared loss).</summary>
    public static double Objective(
        IReadOnlyList<double> simulated, IReadOnlyList<double> low, IReadOnlyList<double> high, IReadOnlyList<double> weights, IReadOnlyList<double> tolerances, double scale)
    {
        double sum = 0, weight = 0;
        for (int i = 0; i < low.Count; i++)
        {
            sum += weights[i] * Huber(LogError(simulated[i], low[i], high[i], tolerances[i]), scale);
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
