namespace Mobility.Experiments.Comparison;

using Mobility.Engine.Measurement;

/// <summary>
/// What a comparison keeps of one run (one scenario, one replication): its yearly metrics, derived ones included,
/// and the degree flows of the final year. The rest of the run result is dropped as soon as the run finishes, so
/// that a comparison's memory does not grow with flows, stocks and universities of every run.
/// </summary>
public sealed class ReplicationOutcome
{
    private readonly Dictionary<(string Country, string Metric), double[]> series;

    public ReplicationOutcome(int replicate, ulong seed, IReadOnlyList<MetricRecord> metrics, IReadOnlyList<FlowRecord> finalYearDegreeFlows, IReadOnlyList<int> years)
    {
        Replicate = replicate;
        Seed = seed;
        Metrics = metrics;
        FinalYearDegreeFlows = finalYearDegreeFlows;
        int first = years[0];
        series = new Dictionary<(string, string), double[]>();
        foreach (MetricRecord m in metrics)
        {
            if (!series.TryGetValue((m.Country, m.Metric), out double[]? values))
            {
                values = new double[years.Count];
                Array.Fill(values, double.NaN);
                series[(m.Country, m.Metric)] = values;
            }

            values[m.Year - first] = m.Value;
        }
    }

    /// <summary>1-based replication number.</summary>
    public int Replicate { get; }

    public ulong Seed { get; }

    /// <summary>Every metric of every country and reported year, with <see cref="DerivedMetrics"/> appended.</summary>
    public IReadOnlyList<MetricRecord> Metrics { get; }

    /// <summary>New degree students by origin and destination in the final reported year (persons).</summary>
    public IReadOnlyList<FlowRecord> FinalYearDegreeFlows { get; }

    /// <summary>The yearly values of one metric of one country (NaN for a year without a value), or null if never measured.</summary>
    public double[]? Series(string country, string metric) => series.GetValueOrDefault((country, metric));
}
