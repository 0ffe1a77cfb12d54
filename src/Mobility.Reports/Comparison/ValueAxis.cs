namespace Mobility.Reports.Comparison;

using Mobility.Model.Metrics;

/// <summary>
/// The value axis of a time-series panel. An axis fitted tightly around the data makes noise look dramatic (an
/// inbound count moving between 79,993 and 80,003 filled the panel), so counts (persons, dollars, skill) start at
/// zero, and scores and shares span at least <see cref="MinimumScoreSpan"/> and <see cref="MinimumShareSpan"/>.
/// </summary>
public readonly record struct ValueAxis(double Min, double Max)
{
    /// <summary>The smallest span of a score axis (0..1 scale): two points out of a hundred.</summary>
    public const double MinimumScoreSpan = 0.02;

    /// <summary>The smallest span of a share axis: five percentage points.</summary>
    public const double MinimumShareSpan = 0.05;

    /// <summary>A series whose means stay within this fraction of its axis is said not to move.</summary>
    public const double FlatFraction = 0.02;

    private const double Margin = 0.05;

    public double Span => Max - Min;

    /// <summary>The axis for values between <paramref name="low"/> and <paramref name="high"/> (bands included) of a metric.</summary>
    public static ValueAxis For(Metric metric, double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            return new ValueAxis(0, 1);
        }

        switch (metric.Unit)
        {
            case MetricUnit.Score:
                return Around(low, high, MinimumScoreSpan, 0, 1);
            case MetricUnit.Share:
                return Around(low, high, MinimumShareSpan, 0, 1);
            case MetricUnit.Rank:
                double pad = Math.Max(high - low, 1) * Margin;
                return new ValueAxis(low - pad, high + pad);
            default:
                // Counts: zero is always on the axis; a margin only on the side away from zero.
                double min = Math.Min(0, low), max = Math.Max(0, high);
                if (max - min == 0)
                {
                    return new ValueAxis(0, 1);
                }

                double margin = (max - min) * Margin;
                return new ValueAxis(min < 0 ? min - margin : 0, max > 0 ? max + margin : 0);
        }
    }

    /// <summary>
    /// The smallest span of an effect axis, as a fraction of the reference's level in the country: effects too small
    /// to matter against the level stay small instead of filling their panel.
    /// </summary>
    public const double MinimumEffectFraction = 0.02;

    /// <summary>The smallest span of an effect axis for a share: one percentage point.</summary>
    public const double MinimumShareEffectSpan = 0.01;

    /// <summary>
    /// The axis of changes between <paramref name="low"/> and <paramref name="high"/> (error bars included): zero
    /// on it, and at least <see cref="MinimumEffectFraction"/> of <paramref name="referenceLevel"/> wide (one
    /// percentage point for shares).
    /// </summary>
    public static ValueAxis ForChanges(Metric metric, double low, double high, double referenceLevel)
    {
        double min = Math.Min(0, double.IsFinite(low) ? low : 0), max = Math.Max(0, double.IsFinite(high) ? high : 0);
        double minimum = Math.Max(
            double.IsFinite(referenceLevel) ? MinimumEffectFraction * Math.Abs(referenceLevel) : 0,
            metric.Unit == MetricUnit.Share ? MinimumShareEffectSpan : 0);
        if (max - min < minimum)
        {
            // Widen away from zero on the side the effects are on (both sides when they straddle it).
            double widen = minimum - (max - min);
            (min, max) = min == 0 && max > 0 ? (min, max + widen)
                : max == 0 && min < 0 ? (min - widen, max)
                : (min - (widen / 2), max + (widen / 2));
        }

        if (max - min == 0)
        {
            return new ValueAxis(-1, 1);
        }

        double margin = (max - min) * Margin * 2;
        return new ValueAxis(min - margin, max + margin);
    }

    /// <summary>True when means between <paramref name="lowest"/> and <paramref name="highest"/> would look flat on this axis.</summary>
    public bool DoesNotMove(double lowest, double highest) => highest - lowest <= FlatFraction * Span;

    /// <summary>
    /// The data range with margins, widened symmetrically to <paramref name="minimumSpan"/> and kept within [floor,
    /// ceiling] (or the data, where a band reaches beyond them).
    /// </summary>
    private static ValueAxis Around(double low, double high, double minimumSpan, double floor, double ceiling)
    {
        (floor, ceiling) = (Math.Min(floor, low), Math.Max(ceiling, high));
        double span = Math.Max((high - low) * (1 + (2 * Margin)), minimumSpan);
        double middle = (low + high) / 2;
        double min = middle - (span / 2), max = middle + (span / 2);
        if (min < floor)
        {
            (min, max) = (floor, Math.Min(ceiling, floor + span));
        }
        else if (max > ceiling)
        {
            (min, max) = (Math.Max(floor, ceiling - span), ceiling);
        }

        return new ValueAxis(min, max);
    }
}
