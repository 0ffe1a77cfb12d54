namespace Mobility.Experiments.Comparison;

using System.Globalization;

/// <summary>
/// A significant effect of a scenario on a member country's headline indicator in the final year, and its size
/// relative to the reference value (the scale-free measure by which effects of different units are ranked).
/// </summary>
public sealed record KeyEffect(SummaryRow Row, HeadlineMetric Metric, string CountryName, int Year, double RelativeChange)
{
    /// <summary>
    /// The <paramref name="count"/> largest significant final-year effects of <paramref name="scenario"/> on the member
    /// countries' headline indicators, ranked by |difference| / |reference mean|, at most one per indicator (the
    /// country where it is largest), so that three closely linked effects (inbound students and export revenue of the
    /// same country) do not crowd out the rest. Effects on an indicator whose reference value is zero cannot be put in
    /// relation and are left out.
    /// </summary>
    public static IReadOnlyList<KeyEffect> Largest(ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, string scenario, int count = 3)
    {
        var reference = summary
            .Where(r => r.Scenario == runs.Reference.Name && r.Horizon == Horizons.Final)
            .ToDictionary(r => (r.Country, r.Metric), r => r.Mean);
        return summary
            .Where(r => r.Scenario == scenario && r.Horizon == Horizons.Final && r.Significant == true && runs.Members.Contains(r.Country))
            .Select(r => (Row: r, Metric: HeadlineMetric.Summarised.FirstOrDefault(h => h.Metric == r.Metric)))
            .Where(x => x.Metric is not null && reference.TryGetValue((x.Row.Country, x.Row.Metric), out double m) && m != 0)
            .Select(x => new KeyEffect(x.Row, x.Metric!, runs.CountryName(x.Row.Country), runs.FinalYear,
                x.Row.Diff!.Value / Math.Abs(reference[(x.Row.Country, x.Row.Metric)])))
            .OrderByDescending(e => Math.Abs(e.RelativeChange))
            .ThenBy(e => e.Row.Country, StringComparer.Ordinal)
            .ThenBy(e => e.Row.Metric, StringComparer.Ordinal)
            .DistinctBy(e => e.Row.Metric)
            .Take(count)
            .ToArray();
    }

    /// <summary>
    /// In plain words, e.g. "ucahes-full raises Kazakhstan's regional image by 0.041 (95% CI 0.032 to 0.050) by 2040,
    /// +6.0% on the reference".
    /// </summary>
    public string Sentence(string referenceName)
    {
        double diff = Row.Diff!.Value;
        string verb = diff >= 0 ? "raises" : "lowers";

        // An interval entirely below zero reads as a reduction between its magnitudes, smallest first.
        (double from, double to) = diff >= 0 ? (Row.DiffLow!.Value, Row.DiffHigh!.Value) : (-Row.DiffHigh!.Value, -Row.DiffLow!.Value);
        string relative = RelativePercent;
        return $"{Row.Scenario} {verb} {CountryName}'s {Metric.Label} by {Metric.FormatChange(Math.Abs(diff))} "
            + $"(95% CI {Metric.FormatChange(from)} to {Metric.FormatChange(to)}) by {Year}, {relative} on {referenceName}";
    }

    /// <summary>The relative change as a signed percentage with one decimal ("+6.0%"), or "~0%" when it rounds to zero.</summary>
    public string RelativePercent
    {
        get
        {
            double percent = Math.Round(RelativeChange * 100, 1, MidpointRounding.AwayFromZero);
            return percent == 0 ? "~0%" : percent.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + "%";
        }
    }
}
