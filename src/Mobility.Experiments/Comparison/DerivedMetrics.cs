namespace Mobility.Experiments.Comparison;

using Mobility.Engine.Measurement;

/// <summary>Metrics a comparison computes from the engine's own, per country and year.</summary>
public static class DerivedMetrics
{
    /// <summary>Foreign graduates who stayed in the country minus the country's graduates who stayed abroad, in the year.</summary>
    public const string NetBrainGain = "net_brain_gain";

    /// <summary>The engine's metrics followed by the derived ones (for every country and year that has both inputs).</summary>
    public static IReadOnlyList<MetricRecord> AddTo(IReadOnlyList<MetricRecord> metrics)
    {
        var gain = new Dictionary<(int, string), double>();
        var drain = new Dictionary<(int, string), double>();
        foreach (MetricRecord m in metrics)
        {
            if (m.Metric == MetricNames.BrainGain)
            {
                gain[(m.Year, m.Country)] = m.Value;
            }
            else if (m.Metric == MetricNames.BrainDrain)
            {
                drain[(m.Year, m.Country)] = m.Value;
            }
        }

        var all = new List<MetricRecord>(metrics.Count + gain.Count);
        all.AddRange(metrics);
        foreach (var ((year, country), g) in gain)
        {
            if (drain.TryGetValue((year, country), out double d))
            {
                all.Add(new MetricRecord(year, country, NetBrainGain, g - d));
            }
        }

        return all;
    }
}
