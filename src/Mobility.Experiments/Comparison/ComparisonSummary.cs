namespace Mobility.Experiments.Comparison;

/// <summary>
/// The statistics of a comparison: for every scenario, country, metric and horizon, the mean over replications
/// with its 95% t interval, and for every scenario but the reference the paired difference from the reference.
/// </summary>
public static class ComparisonSummary
{
    /// <summary>Rows in scenario order, then country (world order), metric (ordinal), horizon (final, cumulative).</summary>
    public static IReadOnlyList<SummaryRow> Build(ComparisonRuns runs)
    {
        var rows = new List<SummaryRow>(runs.Scenarios.Count * runs.Countries.Count * runs.Metrics.Count * Horizons.All.Count);
        for (int s = 0; s < runs.Scenarios.Count; s++)
        {
            foreach (string country in runs.Countries)
            {
                foreach (string metric in runs.Metrics)
                {
                    foreach (string horizon in Horizons.All)
                    {
                        double[] values = runs.Across(s, country, metric, horizon);
                        if (values.Any(double.IsNaN))
                        {
                            continue; // not measured for this country (the engine measures every country, so this is rare)
                        }

                        Estimate level = ReplicationStatistics.Describe(values);
                        PairedDifference? paired = s == 0 ? null : ReplicationStatistics.Paired(values, runs.Across(0, country, metric, horizon));
                        rows.Add(new SummaryRow(
                            runs.Scenarios[s].Name,
                            country,
                            metric,
                            horizon,
                            level.Mean,
                            level.StandardDeviation,
                            level.Low,
                            level.High,
                            paired?.Difference.Mean,
                            paired?.Difference.Low,
                            paired?.Difference.High,
                            paired?.IsSignificant,
                            paired?.VarianceReduction));
                    }
                }
            }
        }

        return rows;
    }
}
