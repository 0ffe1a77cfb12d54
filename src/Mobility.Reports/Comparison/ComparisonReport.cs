namespace Mobility.Reports.Comparison;

using System.Globalization;
using Mobility.Experiments.Comparison;
using Mobility.Input.Configuration;
using Mobility.Model.Metrics;
using Mobility.Reports.Charts;
using Mobility.Reports.Html;

/// <summary>
/// <c>report.html</c> of a comparison: an executive summary in plain words first, then the charts (time series with
/// 95% bands, effects with intervals, degree-flow heat maps, rank trajectories), a table of the headline effects,
/// the method in brief and every scenario's resolved settings. Self-contained: charts are embedded.
/// </summary>
public static class ComparisonReport
{
    public const string FileName = "report.html";
    public const string ChartsFolder = "charts";

    /// <summary>The id of the HTML table of headline effects (read back by tests and tools).</summary>
    public const string EffectsTableId = "headline-effects";

    /// <summary>Builds the page and its charts.</summary>
    public static (string Html, IReadOnlyList<ChartImage> Charts) Build(ComparisonReportInput input)
    {
        ComparisonRuns runs = input.Runs;
        var charts = new List<ChartImage>();
        string reference = runs.Reference.Name;
        var s0 = runs.Reference.Settings.Scenario;

        // The scenarios are named in the summary below, not in the title, which would wrap over several lines.
        var report = new HtmlReport($"Scenario comparison versus {reference}, {s0.StartYear}-{s0.EndYear}")
            .KeepWhole(runs.Scenarios.Select(s => s.Name));

        ExecutiveSummary(report, input);

        report.Heading("Indicators over time");
        report.Paragraph("Each panel is one member country; each line the mean over the replications of one scenario, with "
            + "its 95% confidence interval shaded. Where bands of two scenarios overlap in a year, the difference in that "
            + "year may still be significant: the paired differences in the effect charts and the table are the sharper test.");
        foreach (Metric metric in MetricCatalogue.Charted)
        {
            charts.Add(Add(report, ComparisonCharts.TimeSeries(runs, metric)));
        }

        if (runs.Scenarios.Count > 1)
        {
            report.Heading($"Effects versus {reference} in {runs.FinalYear}");
            report.Paragraph(runs.Draws is null
                ? $"Bars: the mean difference from {reference} over replications paired by seed; error bars: its 95% "
                    + "confidence interval. A bar whose interval does not cross zero is a significant effect."
                : $"Bars: the mean difference from {reference} over the posterior draws and their paired replications; thick error bars: the "
                    + "noise-only 95% band (were the coefficients known); thin grey whiskers: the 90% credible interval over the plausible coefficient sets.");
            foreach (Metric metric in MetricCatalogue.Charted)
            {
                charts.Add(Add(report, ComparisonCharts.Effects(runs, input.Summary, metric)));
            }
        }

        report.Heading($"Where students go: degree flows in {runs.FinalYear}");
        report.Paragraph("New degree-mobile students from each member country to each destination, mean over the replications. "
            + "Colours share one logarithmic scale across scenarios; empty cells had no students.");
        double maxFlow = ComparisonCharts.MaxFlow(runs);
        for (int s = 0; s < runs.Scenarios.Count; s++)
        {
            charts.Add(Add(report, ComparisonCharts.FlowHeatMap(runs, s, maxFlow)));
        }

        report.Heading("Rankings: the member countries' best universities");
        charts.Add(Add(report, ComparisonCharts.RankTrajectories(runs)));

        EffectsTable(report, input);
        Method(report, runs);
        Settings(report, input);
        return (report.ToString(), charts);
    }

    /// <summary>Writes <c>report.html</c> and every chart as <c>charts/NAME.png</c> into <paramref name="folder"/>.</summary>
    public static async Task<string> WriteAsync(string folder, ComparisonReportInput input, CancellationToken cancellationToken = default)
    {
        var (html, charts) = Build(input);
        string chartFolder = Path.Combine(folder, ChartsFolder);
        Directory.CreateDirectory(chartFolder);
        foreach (ChartImage chart in charts)
        {
            await File.WriteAllBytesAsync(Path.Combine(chartFolder, chart.FileName), chart.Png, cancellationToken).ConfigureAwait(false);
        }

        string path = Path.Combine(folder, FileName);
        await File.WriteAllTextAsync(path, html, new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>
    /// A number for the effects table: thousands separators from 1000 up and for whole quantities (persons are
    /// whole persons), four significant digits below.
    /// </summary>
    public static string Number(double value, Metric metric)
    {
        var c = CultureInfo.InvariantCulture;
        if (!double.IsFinite(value))
        {
            return "";
        }

        if (Math.Abs(value) >= 1000 || metric.IsWhole)
        {
            double whole = Math.Round(value, MidpointRounding.AwayFromZero);
            return (whole == 0 ? 0 : whole).ToString("N0", c); // never "-0"
        }

        return value.ToString("G4", c);
    }

    private static ChartImage Add(HtmlReport report, ChartImage chart)
    {
        report.Chart(chart);
        return chart;
    }

    private static void ExecutiveSummary(HtmlReport report, ComparisonReportInput input)
    {
        ComparisonRuns runs = input.Runs;
        string reference = runs.Reference.Name;
        var s0 = runs.Reference.Settings.Scenario;
        report.Heading("Executive summary");
        string sampling = s0.Scale == 1
            ? "one agent per person"
            : $"one agent per {s0.Scale.ToString("0.##", CultureInfo.InvariantCulture)} persons";
        int policies = runs.Scenarios.Count - 1;
        string names = policies == 0 ? "" : $" ({string.Join(", ", runs.Scenarios.Skip(1).Select(s => s.Name))})";
        if (runs.Draws is ComparisonDraws draws)
        {
            report.Paragraph(
                $"{policies} policy scenario{(policies == 1 ? "" : "s")}{names} compared with {reference}, {s0.StartYear}-{s0.EndYear}, over the uncertainty "
                + $"in {draws.Paths.Count} behavioural coefficients: {draws.Count} plausible coefficient sets drawn from the posterior "
                + $"{Mobility.Input.PathDisplay.Of(draws.Source)}, each run {draws.ReplicationsPerDraw} times ({sampling}). Replication r of every scenario uses "
                + "the same coefficient set and the same random numbers, so each difference is measured on otherwise identical histories. Below, for each "
                + $"scenario, its three largest effects in {runs.FinalYear} whose 90% credible interval excludes zero, ranked by size relative to the value "
                + $"under {reference}, then those that were largest in an earlier year. The credible interval holds the middle 90% of the coefficient sets' "
                + "effects; the share of sets with a positive effect says how sure the direction is.",
                "summary");
        }
        else
        {
            report.Paragraph(
                $"{policies} policy scenario{(policies == 1 ? "" : "s")}{names} compared with {reference}, {s0.StartYear}-{s0.EndYear}, each run "
                + $"{runs.Replications} times ({sampling}). Replication r of every scenario uses the same random "
                + "numbers, so each difference is measured on otherwise identical histories. Below, for each scenario, its three largest "
                + $"effects in {runs.FinalYear} that are significant at the 95% level, ranked by size relative to the value under {reference}; "
                + $"then the effects that were largest in an earlier year (their peak), which a look at {runs.FinalYear} alone would miss.",
                "summary");
        }

        if (input.Fit is not null)
        {
            report.Paragraph("How far to trust the levels: " + input.Fit + ".", "fit");
        }

        for (int s = 1; s < runs.Scenarios.Count; s++)
        {
            ComparisonScenario scenario = runs.Scenarios[s];
            report.Heading(scenario.Name, 3);
            if (!string.IsNullOrWhiteSpace(scenario.Settings.Scenario.Description))
            {
                report.Paragraph(scenario.Settings.Scenario.Description);
            }

            var effects = KeyEffect.Largest(runs, input.Summary, scenario.Name);
            if (effects.Count == 0)
            {
                report.Paragraph(runs.Draws is null
                    ? $"No significant effect on the member countries' headline indicators in {runs.FinalYear} with {runs.Replications} replications."
                    : $"No effect on the member countries' headline indicators in {runs.FinalYear} whose 90% credible interval excludes zero.");
            }
            else
            {
                report.Paragraph($"In {runs.FinalYear}:");
                report.List(effects.Select(e => e.Sentence(reference)));
            }

            var peaks = KeyEffect.EarlierPeaks(runs, input.Summary, scenario.Name);
            if (peaks.Count == 0)
            {
                report.Paragraph($"No significant effect on a headline indicator peaks before {runs.FinalYear}.");
            }
            else
            {
                report.Paragraph("Larger earlier, at their peak:");
                report.List(peaks.Select(e => e.Sentence(reference)));
            }
        }
    }

    private static void EffectsTable(HtmlReport report, ComparisonReportInput input)
    {
        ComparisonRuns runs = input.Runs;
        if (runs.Scenarios.Count < 2)
        {
            return;
        }

        report.Heading($"Headline effects in {runs.FinalYear} and at their peak (table)");
        report.Paragraph($"Every member country and headline indicator, from summary.parquet: the mean under {runs.Reference.Name} "
            + $"and under the scenario in {runs.FinalYear} (horizon 'final'), the paired difference with its 95% interval, whether the "
            + "interval excludes zero, the variance reduction that pairing achieved, and the year in which the difference peaks "
            + "(horizon 'peak') with the difference and its interval in that year. Persons are whole persons."
            + (runs.Draws is null ? "" : " Over the posterior: diff_low and diff_high are the noise-only 95% band, total_low and total_high the 90% credible "
                + "interval, and significant says whether the credible interval excludes zero."));
        report.BeginDetails("Show the table");
        var byKey = input.Summary.Where(r => r.Horizon != Horizons.Cumulative).ToDictionary(r => (r.Scenario, r.Country, r.Metric, r.Horizon));
        var rows = new List<IReadOnlyList<string>>();
        foreach (ComparisonScenario scenario in runs.Scenarios.Skip(1))
        {
            foreach (Metric metric in MetricCatalogue.Headline)
            {
                foreach (string country in runs.Members)
                {
                    if (!byKey.TryGetValue((scenario.Name, country, metric.Name, Horizons.Final), out SummaryRow? row)
                        || !byKey.TryGetValue((runs.Reference.Name, country, metric.Name, Horizons.Final), out SummaryRow? referenceRow))
                    {
                        continue;
                    }

                    string n(double? v) => v is double d ? Number(d, metric) : "";
                    SummaryRow? peak = byKey.GetValueOrDefault((scenario.Name, country, metric.Name, Horizons.Peak));
                    var cells = new List<string>
                    {
                        row.Scenario, row.Country, row.Metric, n(referenceRow.Mean), n(row.Mean),
                        n(row.Diff), n(row.DiffLow), n(row.DiffHigh),
                    };
                    if (runs.Draws is not null)
                    {
                        string share(double? v) => v is double d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "";
                        cells.AddRange([n(row.Posterior?.CredibleLow), n(row.Posterior?.CredibleHigh), share(row.Posterior?.ProbabilityPositive),
                            share(row.Posterior?.CoefficientShare), share(row.Posterior?.NoiseShare)]);
                    }

                    cells.AddRange([
                        row.Significant == true ? "yes" : "no",
                        row.VarianceReduction is double v ? Number(v, MetricCatalogue.RegionalImage) : "",
                        peak?.Year?.ToString(CultureInfo.InvariantCulture) ?? "", n(peak?.Diff), n(peak?.DiffLow), n(peak?.DiffHigh),
                    ]);
                    rows.Add(cells);
                }
            }
        }

        string[] posteriorColumns = runs.Draws is null ? [] : ["total_low", "total_high", "probability_positive", "share_coefficients", "share_noise"];
        report.Table(
            ["scenario", "country", "metric", $"mean ({runs.Reference.Name})", "mean", "diff", "diff_low", "diff_high", .. posteriorColumns, "significant", "variance_reduction",
                "peak year", "diff at peak", "low", "high"],
            rows,
            EffectsTableId);
        report.EndDetails();
    }

    private static void Method(HtmlReport report, ComparisonRuns runs)
    {
        report.Heading("How to read the numbers");
        if (runs.Draws is ComparisonDraws draws)
        {
            report.List([
                $"Coefficients: {draws.Count} draws from the posterior {Mobility.Input.PathDisplay.Of(draws.Source)} over {string.Join(", ", draws.Paths)}, taken by systematic resampling of its weighted particles (reproducible from the base seed). Draw d is run {draws.ReplicationsPerDraw} times with different seeds; replication r of every scenario uses the same draw and the same seed, so differences are paired in both.",
                $"diff: the mean paired difference over all {draws.Replications} replications (the posterior mean of the effect). diff_low and diff_high: the noise-only band, the 95% Student-t interval from the pooled within-draw variance W alone: what the comparison would report were the coefficients known.",
                "total_low and total_high: the 90% credible interval, the 5% and 95% quantiles of the draws' mean differences; it holds the coefficients' uncertainty and the noise left in a mean of the draw's replications. probability_positive: the share of draws whose mean difference is above zero. significant: the credible interval excludes zero.",
                $"share_coefficients and share_noise: by the law of total variance, one run's difference varies by Var(E[diff | coefficients]) + E[Var(diff | coefficients)]. W is the mean within-draw variance, B the variance of the draw means minus W / {draws.ReplicationsPerDraw}; the shares are B / (B + W) and W / (B + W). More draws narrow the uncertainty about the credible interval's ends; more replications per draw, the noise in it.",
                "The time-series bands and the level columns (mean, ci_low, ci_high) are taken over every replication, draws mixed, as if they were independent runs.",
            ]);
        }

        report.List(new[]
        {
            $"Each scenario ran {runs.Replications} times. Replication r of every scenario used the same seed, so the scenarios share their random numbers (common random numbers) and their differences are paired.",
            "Mean, sd, ci_low and ci_high: the mean over replications, its sample standard deviation and the 95% Student-t confidence interval of the mean.",
            $"diff, diff_low and diff_high: the mean of the per-replication differences from {runs.Reference.Name} with its 95% Student-t interval; significant: the interval excludes zero.",
            "variance_reduction: the variance the difference would have with independent runs (the sum of the two scenarios' variances) divided by the variance of the paired differences. A value of 10 means pairing did the work of ten times as many replications; empty when the paired differences do not vary at all.",
            "Horizon 'final': the last reported year. Horizon 'cumulative': the total over the reported years for yearly flows (departures, graduates, returnees, brain gain and drain, revenue, costs), the average over the years for levels (images, students enrolled, shares, human capital, ranks, scores).",
            $"Horizon 'peak': the year in which a scenario's mean paired difference from {runs.Reference.Name} is largest in size, with the difference and its interval in that year. The interval does not allow for the year having been picked as the largest, so a peak that is barely significant deserves caution.",
            "net_brain_gain: foreign graduates who stayed in the country (brain_gain) minus the country's graduates who stayed abroad (brain_drain), per year.",
            "The executive summary ranks significant effects by their size relative to the reference value (|diff| / |reference mean|), so that scores, persons and dollars can be compared; indicators whose reference value is zero are left out of the ranking. A percentage change is given only against a positive reference value: against a negative one (net brain gain often is) the two levels are given instead.",
        }.Where(item => runs.Draws is null || !item.StartsWith("diff, diff_low", StringComparison.Ordinal)));
    }

    private static void Settings(HtmlReport report, ComparisonReportInput input)
    {
        report.Heading("Reproducing this comparison");
        report.Table(["parameter", "value"], input.Parameters.Select(p => (IReadOnlyList<string>)[p.Key, p.Value]));
        LoadedScenario reference = input.Scenarios[0];
        foreach (LoadedScenario scenario in input.Scenarios)
        {
            report.Heading($"Scenario {scenario.Name}", 3);
            report.List(scenario.Files.Select(f => "file: " + Mobility.Input.PathDisplay.Of(f)));
            if (!ReferenceEquals(scenario, reference))
            {
                var keys = reference.Configuration.Keys.Union(scenario.Configuration.Keys).Order(StringComparer.Ordinal);
                var differing = keys
                    .Select(k => (Key: k, Reference: reference.Configuration.GetValueOrDefault(k) ?? "(not set)", Value: scenario.Configuration.GetValueOrDefault(k) ?? "(not set)"))
                    .Where(x => x.Reference != x.Value)
                    .Select(x => (IReadOnlyList<string>)[x.Key, x.Reference, x.Value])
                    .ToArray();
                report.Paragraph($"Settings that differ from {reference.Name} ({differing.Length}):");
                report.Table(["setting", reference.Name, scenario.Name], differing);
            }

            report.BeginDetails($"All {scenario.Configuration.Count} resolved settings of {scenario.Name}");
            report.Preformatted(string.Join("\n", scenario.Configuration.Select(kv => $"{kv.Key} = {kv.Value}")));
            report.EndDetails();
        }
    }
}
