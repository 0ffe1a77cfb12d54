namespace Mobility.Experiments.Comparison;

/// <summary>
/// The statistics of a comparison: for every scenario, country, metric and horizon, the mean over replications
/// with its 95% t interval, and for every scenario but the reference the paired difference from the reference, also
/// in the year where that difference peaks.
/// </summary>
public static class ComparisonSummary
{
    /// <summary>
    /// Rows in scenario order, then country (world order), metric (ordinal), horizon (final, cumulative, and peak
    /// for scenarios other than the reference).
    /// </summary>
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
                        int? year = horizon switch
                        {
                            Horizons.Final => runs.FinalYear,
                            Horizons.Peak => s == 0 ? null : runs.PeakYear(s, country, metric),
                            _ => null,
                        };
                        if (horizon == Horizons.Peak && year is null)
                        {
                            continue; // the reference has no peak, and a series with gaps has none either
                        }

                        (double[] values, double[]? reference) = horizon == Horizons.Peak
                            ? (runs.InYear(s, country, metric, year!.Value), runs.InYear(0, country, metric, year.Value))
                            : (runs.Across(s, country, metric, horizon), s == 0 ? null : runs.Across(0, country, metric, horizon));
                        if (values.Any(double.IsNaN))
                        {
                            continue; // not measured for this country (the engine measures every country, so this is rare)
                        }

                        rows.Add(Row(runs.Scenarios[s].Name, country, metric, horizon, year, values, reference, runs.Draws));
                    }
                }
            }
        }

        return rows;
    }

    private static SummaryRow Row(
        string scenario, string country, string metric, string horizon, int? year, double[] values, double[]? reference, ComparisonDraws? draws)
    {
        Estimate level = ReplicationStatistics.Describe(values);
        PairedDifference? paired = reference is null ? null : ReplicationStatistics.Paired(values, reference);
        PosteriorEffect? posterior = reference is null || draws is null
            ? null
            : PosteriorEffect.Of(values.Select((v, r) => v - reference[r]).ToArray(), draws.ReplicationsPerDraw);
        if (posterior is PosteriorEffect p)
        {
            // Over a posterior the difference columns hold the noise-only band, and an effect counts when its credible interval excludes zero.
            paired = new PairedDifference(p.NoiseBand, paired!.Value.VarianceReduction);
        }

        return new SummaryRow(
            scenario,
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
            posterior?.CredibleExcludesZero ?? paired?.IsSignificant,
            paired?.VarianceReduction,
            year,
            posterior);
    }
}
