namespace Mobility.Experiments.Comparison;

using System.Globalization;
using Mobility.Model.Metrics;

/// <summary>
/// A significant effect of a scenario on a member country's headline indicator, at the horizon (the final year) or
/// in the year it peaks, with the reference's value in that year, against which its size is measured.
/// </summary>
/// <param name="Row">The summary row of the effect (horizon <c>final</c> or <c>peak</c>).</param>
/// <param name="ReferenceMean">The reference scenario's mean in the effect's year.</param>
public sealed record KeyEffect(SummaryRow Row, Metric Metric, string CountryName, double ReferenceMean)
{
    /// <summary>For an effect at its peak, the same effect at the horizon (what is left of it), if summarised.</summary>
    public SummaryRow? AtHorizon { get; init; }

    /// <summary>The year the effect is measured in.</summary>
    public int Year => Row.Year!.Value;

    /// <summary>|difference| / |reference mean|: the scale-free size by which effects of different units are ranked.</summary>
    public double Size => Math.Abs(Row.Diff!.Value) / Math.Abs(ReferenceMean);

    /// <summary>
    /// Difference / reference mean, or null when the reference value is zero or negative: a move from -5.2k to +5.6k
    /// is no percentage change (it would read "+209.9%").
    /// </summary>
    public double? RelativeChange => ReferenceMean > 0 ? Row.Diff!.Value / ReferenceMean : null;

    /// <summary>The relative change as a signed percentage with one decimal ("+6.0%", "~0%" when it rounds to zero), or null when there is none.</summary>
    public string? RelativePercent
    {
        get
        {
            if (RelativeChange is not double relative)
            {
                return null;
            }

            double percent = Math.Round(relative * 100, 1, MidpointRounding.AwayFromZero);
            return percent == 0 ? "~0%" : percent.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + "%";
        }
    }

    /// <summary>
    /// The <paramref name="count"/> largest significant final-year effects of <paramref name="scenario"/> on the member
    /// countries' headline indicators, ranked by <see cref="Size"/>, at most one per indicator (the country where it
    /// is largest), so that three closely linked effects (inbound students and export revenue of the same country)
    /// do not crowd out the rest. Effects on an indicator whose reference value is zero cannot be put in relation and
    /// are left out.
    /// </summary>
    public static IReadOnlyList<KeyEffect> Largest(ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, string scenario, int count = 3)
        => Ranked(runs, summary, scenario, Horizons.Final, count);

    /// <summary>
    /// As <see cref="Largest"/>, for the effects that peak before the final year, measured in their peak year: what a
    /// look at the horizon alone would miss (a shock that ends early shows only its residue there). A peak counts only
    /// when the difference in its year is significantly larger than in the final year (paired over replications,
    /// 95%), so that a series that merely wobbles near its final value does not report a peak.
    /// </summary>
    public static IReadOnlyList<KeyEffect> EarlierPeaks(ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, string scenario, int count = 3)
        => Ranked(runs, summary, scenario, Horizons.Peak, count);

    /// <summary>
    /// In plain words, e.g. "ucahes-full raises Turkmenistan's intra-regional share by 9.1 pp (95% CI 8.9 pp to 9.3 pp)
    /// by 2040, +120.8% on baseline"; at a peak, "russia-shock raises Kyrgyzstan's intra-regional share most in 2030,
    /// by 8.6 pp (95% CI 8.2 pp to 9.0 pp), +83.9% on baseline; by 2040 the change is +0.6 pp (95% CI +0.5 pp to
    /// +0.7 pp)". Against a zero or negative reference value the two levels are given instead of a percentage
    /// ("from -5,159 under baseline to 5,670"), with the digits that tell them apart.
    /// </summary>
    public string Sentence(string referenceName)
    {
        double diff = Row.Diff!.Value;
        string verb = diff >= 0 ? "raises" : "lowers";
        string against = RelativePercent is string percent
            ? $"{percent} on {referenceName}"
            : $"from {Metric.FormatPrecise(ReferenceMean)} under {referenceName} to {Metric.FormatPrecise(Row.Mean)}";
        var (change, interval) = Described(Row, Metric, signed: false);
        if (Row.Horizon != Horizons.Peak)
        {
            return $"{Row.Scenario} {verb} {CountryName}'s {Metric.Label} by {change} ({interval}) by {Year}, {against}";
        }

        string residue = "";
        if (AtHorizon is { Diff: double, Year: int final })
        {
            var (c, i) = Described(AtHorizon, Metric, signed: true);
            residue = $"; by {final} the change is {c} ({i})";
        }

        return $"{Row.Scenario} {verb} {CountryName}'s {Metric.Label} most in {Year}, by {change} ({interval}), {against}{residue}";
    }

    /// <summary>
    /// The interval of a difference in words: "95% CI 8.9 pp to 9.3 pp" for fixed coefficients; over a posterior
    /// "90% credible interval 6.1 pp to 12.0 pp; positive in 97% of plausible coefficient sets". Unsigned, an
    /// interval entirely below zero reads as a reduction between its magnitudes, smallest first.
    /// </summary>
    public static (string Change, string Interval) Described(SummaryRow row, Metric metric, bool signed)
    {
        double diff = row.Diff!.Value;
        double shown = signed ? diff : Math.Abs(diff);
        bool down = !signed && diff < 0;
        if (row.Posterior is PosteriorEffect p)
        {
            (double a, double b) = down ? (-p.CredibleHigh, -p.CredibleLow) : (p.CredibleLow, p.CredibleHigh);
            var (change, low, high) = metric.FormatEffect(shown, a, b, signed);
            string share = diff >= 0
                ? $"positive in {Percent(p.ProbabilityPositive)}"
                : $"negative in {Percent(p.ProbabilityNegative)}";
            return (change, string.Create(CultureInfo.InvariantCulture, $"{PosteriorEffect.CredibleMass:0%} credible interval {low} to {high}; {share} of plausible coefficient sets"));
        }

        (double from, double to) = down ? (-row.DiffHigh!.Value, -row.DiffLow!.Value) : (row.DiffLow!.Value, row.DiffHigh!.Value);
        var (c, l, h) = metric.FormatEffect(shown, from, to, signed);
        return (c, $"95% CI {l} to {h}");
    }

    /// <summary>A share as a whole percentage, never rounded to 0% or 100% unless it is exactly that.</summary>
    public static string Percent(double share)
    {
        double percent = Math.Round(share * 100, MidpointRounding.AwayFromZero);
        percent = share > 0 && percent == 0 ? 1 : share < 1 && percent == 100 ? 99 : percent;
        return percent.ToString("0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>True when, replication by replication, the difference in the row's year exceeds the final year's in size, significantly.</summary>
    private static bool LargerThanAtHorizon(ComparisonRuns runs, SummaryRow row)
    {
        int scenario = runs.IndexOf(row.Scenario);
        double[] atPeak = runs.DifferencesInYear(scenario, row.Country, row.Metric, row.Year!.Value);
        double[] atHorizon = runs.DifferencesInYear(scenario, row.Country, row.Metric, runs.FinalYear);
        double sign = Math.Sign(row.Diff!.Value);
        double[] excess = atPeak.Select((d, r) => sign * (d - atHorizon[r])).ToArray();
        return ReplicationStatistics.Describe(excess).Low > 0;
    }

    private static List<KeyEffect> Ranked(ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, string scenario, string horizon, int count)
    {
        var final = summary.Where(r => r.Horizon == Horizons.Final).ToDictionary(r => (r.Scenario, r.Country, r.Metric));
        var effects = new List<KeyEffect>();
        foreach (SummaryRow row in summary)
        {
            if (row.Scenario != scenario || row.Horizon != horizon || row.Significant != true || !runs.Members.Contains(row.Country)
                || MetricCatalogue.Headline.FirstOrDefault(h => h.Name == row.Metric) is not Metric metric)
            {
                continue;
            }

            if (horizon == Horizons.Peak && (row.Year >= runs.FinalYear || !LargerThanAtHorizon(runs, row)))
            {
                continue; // the effect at the horizon tells it already
            }

            double? reference = horizon == Horizons.Peak
                ? ReplicationStatistics.Describe(runs.InYear(0, row.Country, row.Metric, row.Year!.Value)).Mean
                : final.GetValueOrDefault((runs.Reference.Name, row.Country, row.Metric))?.Mean;
            if (reference is not double referenceMean || referenceMean == 0)
            {
                continue;
            }

            effects.Add(new KeyEffect(row, metric, runs.CountryName(row.Country), referenceMean)
            {
                AtHorizon = horizon == Horizons.Peak ? final.GetValueOrDefault((scenario, row.Country, row.Metric)) : null,
            });
        }

        return effects
            .OrderByDescending(e => e.Size)
            .ThenBy(e => e.Row.Country, StringComparer.Ordinal)
            .ThenBy(e => e.Row.Metric, StringComparer.Ordinal)
            .DistinctBy(e => e.Row.Metric)
            .Take(count)
            .ToList();
    }
}
