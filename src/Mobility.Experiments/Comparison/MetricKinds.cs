namespace Mobility.Experiments.Comparison;

using Mobility.Engine.Measurement;

/// <summary>Which metrics are yearly flows (summed over a horizon) rather than levels (averaged over it).</summary>
public static class MetricKinds
{
    private static readonly HashSet<string> Flows = new(StringComparer.Ordinal)
    {
        MetricNames.DegreeOutflow,
        MetricNames.DegreeInflow,
        MetricNames.CreditOutflow,
        MetricNames.ScholarVisitsOut,
        MetricNames.ScholarVisitsIn,
        MetricNames.Returnees,
        MetricNames.BrainDrain,
        MetricNames.BrainGain,
        DerivedMetrics.NetBrainGain,
        MetricNames.ExportRevenueUsd,
        MetricNames.Graduates,
        MetricNames.Dropouts,
        MetricNames.InvestmentCostUsd,
    };

    /// <summary>
    /// True for counts of events in a year (departures, graduates, returnees) and yearly money (revenue, cost). Any
    /// other metric, including one the engine adds later, is treated as a level.
    /// </summary>
    public static bool IsFlow(string metric) => Flows.Contains(metric);

    /// <summary>The value of a yearly series over a horizon (see <see cref="Horizons"/>).</summary>
    public static double Aggregate(string metric, string horizon, ReadOnlySpan<double> yearly)
    {
        if (yearly.IsEmpty)
        {
            return double.NaN;
        }

        switch (horizon)
        {
            case Horizons.Final:
                return yearly[^1];
            case Horizons.Cumulative:
                double sum = 0;
                foreach (double v in yearly)
                {
                    sum += v;
                }

                return IsFlow(metric) ? sum : sum / yearly.Length;
            default:
                throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "expected 'final' or 'cumulative'");
        }
    }
}
