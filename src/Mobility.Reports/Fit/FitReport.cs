namespace Mobility.Reports.Fit;

using System.Globalization;
using System.Text;
using Mobility.Experiments.Calibration;
using Mobility.Model.Metrics;
using Mobility.Model.Observations;
using Mobility.Reports.Charts;
using Mobility.Reports.Html;
using ScottPlot;

/// <summary>
/// The fit of a scenario to observations as files: <c>fit.csv</c> (one row per target), <c>fit.html</c> (summary
/// measures, the worst targets, a log-log scatter of simulated against observed with the 1:1 line, the table) and,
/// for a calibration, the convergence log.
/// </summary>
public static class FitReport
{
    public static readonly IReadOnlyList<string> CsvColumns =
        ["id", "origin", "destination", "year", "kind", "observed", "simulated", "simulated_low", "simulated_high", "log_ratio", "measure", "observed_high", "weight", "figures", "comparison"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Csv(Fit fit)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", CsvColumns));
        foreach (var row in fit.AllRows)
        {
            var o = row.Observation;
            bool compared = o.Comparable;
            csv.AppendLine(string.Join(",",
                Quote(o.Id), o.Origin, o.Destination, o.Year.ToString(Invariant), Kind(o),
                Number(o.Value), compared ? Number(row.Simulated) : "", compared ? Number(row.SimulatedLow) : "", compared ? Number(row.SimulatedHigh) : "",
                compared ? Number(row.LogRatio) : "", o.Measure, Number(o.Upper), Number(o.Weight), Quote(string.Join(" ", o.Figures)),
                compared ? "compared" : Quote("not comparable: " + o.NotComparable)));
        }

        return csv.ToString();
    }

    /// <summary>The convergence log: one line per objective evaluation, with every parameter's value.</summary>
    public static string ConvergenceCsv(CalibrationResult result)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "evaluation", "phase", "objective", "best_objective", "median_abs_log_ratio", "elapsed_s" }
            .Concat(result.Parameters.Select(p => Quote(p.Path)))));
        foreach (var step in result.Log)
        {
            csv.AppendLine(string.Join(",", new[]
                {
                    step.Evaluation.ToString(Invariant), step.Phase, Number(step.Objective), Number(step.BestObjective),
                    Number(step.MedianAbsoluteLogRatio), step.Elapsed.TotalSeconds.ToString("F1", Invariant),
                }
                .Concat(step.Values.Select(Number))));
        }

        return csv.ToString();
    }

    /// <summary>The pair inversion's iteration log (last round).</summary>
    public static string InversionCsv(PairInversionResult inversion)
    {
        var csv = new StringBuilder();
        csv.AppendLine("iteration,objective,median_abs_log_ratio,largest_change,elapsed_s");
        foreach (var step in inversion.Log)
        {
            csv.AppendLine(string.Join(",", step.Iteration.ToString(Invariant), Number(step.Objective), Number(step.MedianAbsoluteLogRatio),
                Number(step.LargestChange), step.Elapsed.TotalSeconds.ToString("F1", Invariant)));
        }

        return csv.ToString();
    }

    /// <summary>Simulated against observed on log-log axes, one point per target (the ones outside the band named), with the 1:1 line and the factor-2 band that the share "within 2x" counts.</summary>
    public static ChartImage Scatter(Fit fit, string caption)
    {
        var plot = new Plot();
        double[] x = fit.Rows.Select(r => Math.Log10(r.Observation.Value)).ToArray();
        double[] y = fit.Rows.Select(r => Math.Log10(Math.Max(r.Simulated, FitMetrics.Floor))).ToArray();
        double lo = Math.Floor(Math.Min(x.Min(), y.Min()) - 0.2);
        double hi = Math.Ceiling(Math.Max(x.Max(), y.Max()) + 0.2);

        var identity = plot.Add.Line(lo, lo, hi, hi);
        identity.LineColor = Colors.Black;
        identity.LegendText = "1:1";
        double band = Math.Log10(2);
        foreach (double shift in new[] { band, -band })
        {
            var edge = plot.Add.Line(lo, lo + shift, hi, hi + shift);
            edge.LineColor = Colors.Gray;
            edge.LinePattern = LinePattern.Dashed;
            edge.LegendText = shift > 0 ? "factor 2" : "";
        }

        var points = plot.Add.ScatterPoints(x, y);
        points.MarkerSize = 8;
        points.Color = Colors.C0;
        points.LegendText = "targets";
        // Only the targets outside the band are named: 129 labels on one chart overlap into a smudge.
        for (int i = 0; i < x.Length; i++)
        {
            if (fit.Rows[i].Factor <= 2)
                continue;
            var label = plot.Add.Text(fit.Rows[i].Observation.Id, x[i], y[i]);
            label.LabelFontSize = 10;
            label.LabelFontName = ChartFonts.Family;
            label.OffsetX = 5;
        }

        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = v => Math.Pow(10, v).ToString("N0", Invariant),
            };
        }

        plot.Axes.SetLimits(lo, hi, lo, hi);

        // Room on the right for the last tick label of the horizontal axis ("1,000,000" would be cut).
        plot.Axes.Right.MinimumSize = 40;
        plot.XLabel("observed (persons)");
        plot.YLabel("simulated (persons)");
        plot.Title("Simulated against observed");
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartImage.Render("fit-scatter.png", caption, plot, 800, 700);
    }

    /// <param name="context">Lines describing what was fitted (scenario, scale, replications, years).</param>
    /// <param name="heldOut">Targets left out of the calibration (weight 0), whose fit is reported apart as out-of-sample.</param>
    /// <param name="validation">Cross-validated and out-of-time fits of the same targets, when they were computed.</param>
    public static string Html(
        Fit fit, string title, IEnumerable<string> context, CalibrationResult? calibration = null, Func<Observation, bool>? heldOut = null,
        IReadOnlyList<string>? members = null, IReadOnlyList<(string Label, Fit Fit)>? validation = null)
    {
        var report = new HtmlReport(title).List(context);
        report.Heading("Summary").Table(
            ["measure", "value", "definition"],
            [
                ["targets", fit.Rows.Count.ToString(Invariant), $"targets compared ({fit.Figures.ToString(Invariant)} published figures; several figures for the same origin, destination, measure and year are one target, a range); {fit.NotComparable.Count.ToString(Invariant)} not comparable (listed below)"],
                ["within 2x", Percent(fit.WithinFactorTwo), "share of targets within a factor 2 of the published figure (or range)"],
                ["median |log ratio|", Number3(fit.MedianAbsoluteLogRatio), $"median of |ln(simulated / observed)| (to the nearest end of a range, 0 inside it); a typical target is off by a factor {Math.Exp(fit.MedianAbsoluteLogRatio).ToString("F2", Invariant)}"],
                ["largest factor off", Number3(fit.MaxFactor), "max of exp(|ln(simulated / observed)|)"],
                ["mean relative difference", Number3(fit.MeanRelativeDifference), "mean of |s - o| / ((s + o) / 2), 0 = perfect, 2 = worst (symmetric MAPE, Makridakis 1993)"],
                ["common part", Number3(fit.CommonPart), "2 sum min(s, o) / (sum s + sum o), 1 = perfect (Sorensen index / common part of commuters, Lenormand et al. 2012)"],
                ["objective", Number3(fit.Objective), "weighted mean of Huber's loss (scale ln 1.5) of the log errors beyond each target's range and tolerance; weights by confidence (what calibration minimises)"],
            ]);

        if (validation is { Count: > 0 })
        {
            // One row per check, so that a repeated cross-validation's assignments read down one column.
            report.Heading("Validation").Table(
                ["check", "targets", "median factor", "within 2x", "largest factor", "objective"],
                new[] { (Label: "in sample", Fit: fit) }.Concat(validation).Select(v => (IReadOnlyList<string>)
                [
                    v.Label, v.Fit.Rows.Count.ToString(Invariant), Factor(v.Fit.MedianAbsoluteLogRatio), Percent(v.Fit.WithinFactorTwo), Number3(v.Fit.MaxFactor), Number3(v.Fit.Objective),
                ]));
            report.Paragraph("Median factor = exp(median |log ratio|). " + ChecksDefinition + " Several fold assignments (fit --fold-repeats) show how much the median moves with the folds alone.");
        }

        if (members is not null)
        {
            var fits = new List<(string Label, Fit Fit)> { ("in sample", fit) };
            fits.AddRange(validation ?? []);
            report.Heading("By member country").Table(
                ["country", .. fits.Select(f => f.Label + ": targets"), .. fits.Select(f => f.Label + ": median factor"), .. fits.Select(f => f.Label + ": within 2x")],
                new[] { "all" }.Concat(members).Select(c => (IReadOnlyList<string>)
                [
                    c,
                    .. fits.Select(f => Of(f.Fit, c).Rows.Count.ToString(Invariant)),
                    .. fits.Select(f => Factor(Of(f.Fit, c).MedianAbsoluteLogRatio)),
                    .. fits.Select(f => Percent(Of(f.Fit, c).WithinFactorTwo)),
                ]));
            report.Paragraph("A target counts for a member when the member is its origin or its destination. Median factor = exp(median |log ratio|). "
                + ChecksDefinition);

            var groups = fits.Select(f => f.Fit.ByFlowGroup(members).ToDictionary(g => g.Group, g => g.Fit)).ToArray();
            report.Heading("By kind of flow").Table(
                ["flow", .. fits.Select(f => f.Label + ": targets"), .. fits.Select(f => f.Label + ": median factor"), .. fits.Select(f => f.Label + ": within 2x")],
                FlowGroups.All.Where(g => groups[0][g].Rows.Count > 0).Select(g => (IReadOnlyList<string>)
                [
                    FlowGroups.Label(g),
                    .. groups.Select(d => d[g].Rows.Count.ToString(Invariant)),
                    .. groups.Select(d => Factor(d[g].MedianAbsoluteLogRatio)),
                    .. groups.Select(d => Percent(d[g].WithinFactorTwo)),
                ]));
            report.Paragraph("Members' students outside the region, between members (the flows a regional grant, recognition or a joint degree act on), "
                + "and students from outside the region in a member (education export); totals over all origins or destinations, and enrolment at home, apart. "
                + "Median factor = exp(median |log ratio|). " + ChecksDefinition);
        }

        if (calibration is not null)
        {
            report.Heading("Calibration").Table(
                ["parameter", "lower", "upper", "fitted"],
                calibration.Parameters.Select((p, i) => (IReadOnlyList<string>)[p.Path, Number(p.Lower), Number(p.Upper), Number(calibration.Values[i])]));
            report.Paragraph(string.Create(Invariant,
                $"{calibration.Log.Count} evaluations; objective {calibration.Initial.Objective:F4} at the start, {fit.Objective:F4} fitted; "
                + $"median |log ratio| {calibration.Initial.MedianAbsoluteLogRatio:F3} at the start, {fit.MedianAbsoluteLogRatio:F3} fitted."));
        }

        if (heldOut is not null && fit.Rows.Any(r => heldOut(r.Observation)))
        {
            Fit inSample = fit.Subset(o => !heldOut(o));
            Fit outOfSample = fit.Subset(heldOut);
            report.Heading("Out of sample").Table(
                ["targets", "count", "median |log ratio|", "largest factor", "mean relative difference"],
                [
                    ["calibrated on (in sample)", inSample.Rows.Count.ToString(Invariant), Number3(inSample.MedianAbsoluteLogRatio), Number3(inSample.MaxFactor), Number3(inSample.MeanRelativeDifference)],
                    ["held out (predicted)", outOfSample.Rows.Count.ToString(Invariant), Number3(outOfSample.MedianAbsoluteLogRatio), Number3(outOfSample.MaxFactor), Number3(outOfSample.MeanRelativeDifference)],
                ]);
            report.Paragraph("Held out: " + string.Join(", ", outOfSample.Rows.Select(r => r.Observation.Id)) + ". The in-sample error flatters the model; the held-out error is what to expect of figures it was not fitted to.");
        }

        report.Heading("Worst targets").List(fit.Worst(3).Select(r => string.Create(Invariant,
            $"{r.Observation.Id} ({r.Observation.Pair}, {r.Observation.Year}, {Kind(r.Observation)}): observed {Observed(r.Observation)}, simulated {r.Simulated:N0} (factor {r.Factor:F2})")));
        report.Chart(Scatter(fit, "Simulated (mean over replications) against observed, log-log; the solid line is 1:1, the dashed lines a factor 2 (the band the share within 2x counts); the targets outside it are named."));
        report.Heading("Targets").Table(
            ["id", "origin", "destination", "year", "kind", "observed", "simulated", "95% low", "95% high", "log ratio", "source"],
            fit.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Observation.Id, r.Observation.Origin, r.Observation.Destination, r.Observation.Year.ToString(Invariant), Kind(r.Observation),
                Observed(r.Observation), r.Simulated.ToString("N0", Invariant), r.SimulatedLow.ToString("N0", Invariant),
                r.SimulatedHigh.ToString("N0", Invariant), Number3(r.LogRatio), r.Observation.Source,
            ]));
        if (fit.NotComparable.Count > 0)
        {
            report.Heading("Not comparable").Table(
                ["id", "origin", "destination", "year", "measure", "observed", "why"],
                fit.NotComparable.Select(r => (IReadOnlyList<string>)
                [
                    r.Observation.Id, r.Observation.Origin, r.Observation.Destination, r.Observation.Year.ToString(Invariant), r.Observation.Measure,
                    r.Observation.Value.ToString("N0", Invariant), r.Observation.NotComparable ?? "",
                ]));
        }

        return report.ToString();
    }

    /// <summary>What the validation checks are, for the tables that show them.</summary>
    private const string ChecksDefinition = "Cross-validated: each origin-destination pair's constant fitted without its figures, which are then predicted; "
        + "out of time: constants fitted on the figures before the out-of-time year (fit --out-of-time, default 2022), the later ones predicted.";

    private static Fit Of(Fit fit, string country) => country == "all" ? fit : fit.Subset(o => o.Origin == country || o.Destination == country);

    private static string Factor(double medianAbsLogRatio) => double.IsNaN(medianAbsLogRatio) ? "-" : Math.Exp(medianAbsLogRatio).ToString("F2", Invariant);

    private static string Percent(double share) => double.IsNaN(share) ? "-" : share.ToString("P0", Invariant);

    private static string Kind(Observation o) => o.Kind switch
    {
        ObservationKind.Stock => "stock",
        ObservationKind.Departures => "departures",
        ObservationKind.Enrolment => "enrolment",
        ObservationKind.ScholarshipHolders => "scholarship_holders",
        _ => o.FlowKind == FlowKinds.Degree ? "flow" : "flow:" + o.FlowKind,
    };

    private static string Observed(Observation o)
        => double.IsNaN(o.High) ? o.Value.ToString("N0", Invariant) : o.Value.ToString("N0", Invariant) + " - " + o.High.ToString("N0", Invariant);

    private static string Number(double value) => value.ToString("R", Invariant);

    private static string Number3(double value) => value.ToString("F3", Invariant);

    private static string Quote(string text)
        => text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
