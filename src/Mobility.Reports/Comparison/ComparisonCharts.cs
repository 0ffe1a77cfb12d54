namespace Mobility.Reports.Comparison;

using System.Globalization;
using Mobility.Experiments.Comparison;
using Mobility.Model.Metrics;
using Mobility.Reports.Charts;
using ScottPlot;

/// <summary>
/// The charts of a comparison report, drawn with ScottPlot: one colour per scenario throughout, 95% intervals as
/// shaded bands or error bars, one panel per member country where countries differ in scale, axes titled with
/// their unit.
/// </summary>
public static class ComparisonCharts
{
    private const int PanelWidth = 1200;
    private const int PanelHeight = 760;
    private const float TitleSize = 15;

    /// <summary>
    /// Yearly mean and 95% band of a headline metric, one panel per member country, a line per scenario. Value axes
    /// follow <see cref="ValueAxis"/> (counts from zero, scores and shares over a minimum span), and a panel whose
    /// lines stay within a sliver of its axis says that it does not move, with its range.
    /// </summary>
    public static ChartImage TimeSeries(ComparisonRuns runs, Metric metric)
    {
        var panels = Panels(runs, $"{Capitalise(metric.Label)}\nmean and 95% interval\nover {runs.Replications} replications", out Multiplot multiplot);
        var flat = new List<string>();
        for (int i = 0; i < runs.Members.Count; i++)
        {
            Plot plot = panels[i];
            string country = runs.Members[i];
            var bands = new List<YearlyBand>();
            foreach (int s in DrawingOrder(runs))
            {
                YearlyBand band = YearlyBand.Of(runs, s, country, metric.Name);
                double[] years = band.Years.Select(y => (double)y).ToArray();
                Color color = ScenarioColor(s);
                var fill = plot.Add.FillY(years, band.Low, band.High);
                fill.FillColor = color.WithAlpha(0.18);
                fill.LineWidth = 0;
                var line = plot.Add.ScatterLine(years, band.Mean, color);
                line.LineWidth = s == 0 ? 2.5f : 2;
                line.LinePattern = s == 0 ? LinePattern.Dashed : LinePattern.Solid;
                bands.Add(band);
            }

            Style(plot, runs.CountryName(country), v => metric.FormatTick(v), metric.UnitText);
            YearTicks(plot, runs.Years);
            var (low, high) = Extent(bands.SelectMany(b => b.Low.Concat(b.High)));
            var (lowestMean, highestMean) = Extent(bands.SelectMany(b => b.Mean));
            ValueAxis axis = ValueAxis.For(metric, low, high);
            plot.Axes.AutoScaleX();
            plot.Axes.SetLimitsY(axis.Min, axis.Max);
            if (double.IsFinite(lowestMean) && axis.DoesNotMove(lowestMean, highestMean))
            {
                string range = $"{metric.FormatPrecise(lowestMean)} to {metric.FormatPrecise(highestMean)}";
                var note = plot.Add.Annotation($"does not move: {range}", Alignment.UpperCenter);
                note.LabelFontSize = 12;
                note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
                note.LabelBorderColor = Colors.Gray;
                note.LabelShadowColor = Colors.Transparent;
                flat.Add($"{runs.CountryName(country)} ({range})");
            }
        }

        string flatNote = flat.Count == 0 ? "" : $" Does not move (every scenario within {ValueAxis.FlatFraction:0%} of the axis in every year): {string.Join(", ", flat)}.";
        return Render(multiplot, panels, $"timeseries-{metric.Name}.png",
            $"{Capitalise(metric.Label)} ({metric.UnitText}) by year and member country: mean over {runs.Replications} replications with its 95% interval (band); the reference ({runs.Reference.Name}) is dashed.{AxisNote(metric)}{flatNote}");
    }

    /// <summary>How the value axes of a metric's time series were chosen, for the caption.</summary>
    private static string AxisNote(Metric metric) => metric.Unit switch
    {
        MetricUnit.Score => $" Each axis spans at least {ValueAxis.MinimumScoreSpan.ToString("0.00", CultureInfo.InvariantCulture)}, so that noise does not fill the panel.",
        MetricUnit.Share => $" Each axis spans at least {(ValueAxis.MinimumShareSpan * 100).ToString("0", CultureInfo.InvariantCulture)} percentage points, so that noise does not fill the panel.",
        MetricUnit.Rank => "",
        _ => " Every axis includes zero.",
    };

    /// <summary>
    /// The final-year effect of every scenario on a headline metric versus the reference, one panel per member country
    /// (each with its own scale, so that one large effect does not flatten the others), with the 95% interval of the
    /// paired difference as error bars.
    /// </summary>
    public static ChartImage Effects(ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, Metric metric)
    {
        var rows = summary.Where(r => r.Metric == metric.Name && r.Horizon == Horizons.Final && r.Diff is not null)
            .ToDictionary(r => (r.Scenario, r.Country));
        var levels = summary.Where(r => r.Metric == metric.Name && r.Horizon == Horizons.Final && r.Scenario == runs.Reference.Name)
            .ToDictionary(r => r.Country, r => r.Mean);
        string intervals = runs.Draws is null ? "and 95% interval)" : "95% noise band,\n90% credible interval)";
        var panels = Panels(runs, $"{Capitalise(metric.Label)}:\nchange vs {runs.Reference.Name} in {runs.FinalYear}\n(mean paired difference\n{intervals}", out Multiplot multiplot, withReference: false);
        for (int c = 0; c < runs.Members.Count; c++)
        {
            Plot plot = panels[c];
            string country = runs.Members[c];
            var bars = new List<Bar>();
            var credible = new List<(double Position, double Value, double Low, double High)>();
            for (int s = 1; s < runs.Scenarios.Count; s++)
            {
                if (!rows.TryGetValue((runs.Scenarios[s].Name, country), out SummaryRow? row))
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = s,
                    Value = row.Diff!.Value,
                    Error = (row.DiffHigh!.Value - row.DiffLow!.Value) / 2,
                    Size = 0.8,
                    FillColor = ScenarioColor(s),
                    LineWidth = 1.2f,
                    LineColor = Colors.Black.WithAlpha(0.8),
                });
                if (row.Posterior is PosteriorEffect p)
                {
                    credible.Add((s + 0.22, row.Diff!.Value, p.CredibleLow, p.CredibleHigh));
                }
            }

            plot.Add.Bars(bars);
            if (credible.Count > 0)
            {
                // The credible interval is not symmetric around the mean: its own error-bar layer, beside the noise band.
                plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(
                    credible.Select(c => c.Position).ToArray(),
                    credible.Select(c => c.Value).ToArray(),
                    null,
                    null,
                    credible.Select(c => Math.Max(0, c.High - c.Value)).ToArray(),
                    credible.Select(c => Math.Max(0, c.Value - c.Low)).ToArray())
                {
                    Color = Colors.DimGray,
                    LineWidth = 1f,
                    CapSize = 3,
                });
            }

            plot.Add.HorizontalLine(0, 1, Colors.Black);
            ValueAxis axis = ValueAxis.ForChanges(metric,
                bars.Select(b => b.Value - b.Error).Concat(credible.Select(c => c.Low)).DefaultIfEmpty(0).Min(),
                bars.Select(b => b.Value + b.Error).Concat(credible.Select(c => c.High)).DefaultIfEmpty(0).Max(),
                levels.GetValueOrDefault(country, double.NaN));
            Style(plot, runs.CountryName(country), v => metric.FormatTick(v, change: true), $"change, {metric.ChangeUnitText}", yearAxis: false);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([], []);
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.AutoScaleX();
            plot.Axes.SetLimitsY(axis.Min, axis.Max);
            plot.HideGrid();
        }

        return Render(multiplot, panels, $"effects-{metric.Name}.png",
            $"Effect of each scenario on {metric.Label} ({metric.ChangeUnitText}) in {runs.FinalYear} versus {runs.Reference.Name}, by member country: "
            + (runs.Draws is null
                ? "bars are the mean paired difference over the replications, error bars its 95% interval. "
                : "bars are the mean paired difference over the posterior draws, thick error bars the noise-only 95% band, thin grey whiskers the 90% credible interval. ")
            + "Each panel has its own scale, "
            + $"at least {ValueAxis.MinimumEffectFraction:0%} of the country's level under {runs.Reference.Name} wide"
            + (metric.Unit == MetricUnit.Share ? " (and at least one percentage point)" : "")
            + ", so that effects too small to matter look small.");
    }

    /// <summary>
    /// New degree students from each member country (rows) to each destination (columns) in the final year, mean over
    /// replications; colour on a log scale so that small regional flows stay visible next to the large flows to Russia.
    /// </summary>
    public static ChartImage FlowHeatMap(ComparisonRuns runs, int scenario, double maxPersons)
    {
        FlowMatrix matrix = FlowMatrix.MeanFinalYear(runs, scenario);
        int rowCount = matrix.Origins.Count, columnCount = matrix.Destinations.Count;
        var intensities = new double[rowCount, columnCount];
        for (int o = 0; o < rowCount; o++)
        {
            for (int d = 0; d < columnCount; d++)
            {
                double persons = matrix.Persons[o, d];
                intensities[o, d] = persons > 0 ? Math.Log10(persons) : double.NaN;
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, Math.Max(1, Math.Log10(Math.Max(1, maxPersons))));
        heatmap.NaNCellColor = Colors.White;
        heatmap.Rectangle = new CoordinateRect(0, columnCount, 0, rowCount);
        for (int o = 0; o < rowCount; o++)
        {
            for (int d = 0; d < columnCount; d++)
            {
                double persons = matrix.Persons[o, d];
                if (persons <= 0)
                {
                    continue;
                }

                // Rows are drawn top down: row 0 (the first origin) at the top.
                var label = plot.Add.Text(Count(persons), d + 0.5, rowCount - o - 0.5);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = 11;
                label.LabelFontColor = intensities[o, d] > heatmap.ManualRange.Value.Max * 0.6 ? Colors.Black : Colors.White;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, columnCount).Select(d => d + 0.5).ToArray(), matrix.Destinations.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rowCount).Select(o => rowCount - o - 0.5).ToArray(), matrix.Origins.Select(runs.CountryName).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "destination";
        plot.Axes.Left.Label.Text = "origin";
        var colorBar = plot.Add.ColorBar(heatmap, Edge.Right);
        colorBar.Label = "new degree students (log scale)";
        colorBar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Count(Math.Pow(10, v)), IntegerTicksOnly = true };
        plot.Axes.SetLimits(0, columnCount, 0, rowCount);
        plot.HideGrid();
        string name = matrix.Scenario;
        plot.Title($"{name}: new degree students by origin and destination, {matrix.Year}");
        plot.Axes.Title.Label.FontSize = TitleSize + 2;
        return ChartImage.Render($"flows-{FileSafe(name)}.png",
            $"{name}: new degree-mobile students from each member country (rows) to each destination (columns) in {matrix.Year}, mean over {runs.Replications} replications.",
            plot, PanelWidth, 420);
    }

    /// <summary>The largest mean final-year degree flow of any scenario, so that every heat map shares one colour scale.</summary>
    public static double MaxFlow(ComparisonRuns runs)
    {
        double max = 0;
        for (int s = 0; s < runs.Scenarios.Count; s++)
        {
            FlowMatrix m = FlowMatrix.MeanFinalYear(runs, s);
            foreach (double v in m.Persons)
            {
                max = Math.Max(max, v);
            }
        }

        return max;
    }

    /// <summary>The world rank of each member country's best university by year (rank 1 at the top), a line per scenario.</summary>
    public static ChartImage RankTrajectories(ComparisonRuns runs)
    {
        var panels = Panels(runs, $"World rank of the best university\nmean and 95% interval\nover {runs.Replications} replications", out Multiplot multiplot);
        for (int i = 0; i < runs.Members.Count; i++)
        {
            Plot plot = panels[i];
            string country = runs.Members[i];
            foreach (int s in DrawingOrder(runs))
            {
                YearlyBand band = YearlyBand.Of(runs, s, country, MetricCatalogue.BestRank.Name);

                // Rank 0 means no ranked university that year: leave the year out.
                int[] shown = Enumerable.Range(0, band.Years.Length).Where(k => band.Mean[k] > 0).ToArray();
                if (shown.Length == 0)
                {
                    continue;
                }

                double[] years = shown.Select(k => (double)band.Years[k]).ToArray();
                Color color = ScenarioColor(s);
                var fill = plot.Add.FillY(years, shown.Select(k => band.Low[k]).ToArray(), shown.Select(k => band.High[k]).ToArray());
                fill.FillColor = color.WithAlpha(0.18);
                fill.LineWidth = 0;
                var line = plot.Add.ScatterLine(years, shown.Select(k => band.Mean[k]).ToArray(), color);
                line.LineWidth = s == 0 ? 2.5f : 2;
                line.LinePattern = s == 0 ? LinePattern.Dashed : LinePattern.Solid;
            }

            Style(plot, runs.CountryName(country), v => v.ToString("N0", CultureInfo.InvariantCulture), "world rank (1 = best)");
            YearTicks(plot, runs.Years);
            plot.Axes.AutoScale();
            plot.Axes.InvertY();
        }

        return Render(multiplot, panels, "ranks.png",
            $"World rank of each member country's best university by year (lower is better; rank 1 at the top): mean over {runs.Replications} replications with its 95% interval.");
    }

    /// <summary>The reference last, so that its dashed line is drawn on top of the scenarios that do not move it.</summary>
    private static IEnumerable<int> DrawingOrder(ComparisonRuns runs) => Enumerable.Range(1, runs.Scenarios.Count - 1).Append(0);

    /// <summary>The colour of scenario <paramref name="index"/> in every chart (the reference is index 0).</summary>
    public static Color ScenarioColor(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    /// <summary>A 2 x 3 grid: a panel per member country (at most five) and a last panel holding the title and the legend.</summary>
    private static Plot[] Panels(ComparisonRuns runs, string title, out Multiplot multiplot, bool withReference = true)
    {
        multiplot = new Multiplot();
        multiplot.AddPlots(6);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(2, 3);
        Plot[] plots = multiplot.GetPlots();
        Plot legend = plots[5];
        legend.Layout.Frameless();
        legend.HideGrid();
        legend.Axes.Frameless();
        legend.Title(title);
        legend.Axes.Title.Label.FontSize = TitleSize + 2;
        legend.Axes.Title.Label.Bold = true;
        for (int s = withReference ? 0 : 1; s < runs.Scenarios.Count; s++)
        {
            legend.Legend.ManualItems.Add(withReference
                ? new LegendItem
                {
                    LabelText = s == 0 ? runs.Scenarios[s].Name + " (reference)" : runs.Scenarios[s].Name,
                    LineColor = ScenarioColor(s),
                    LineWidth = 3,
                    LinePattern = s == 0 ? LinePattern.Dashed : LinePattern.Solid,
                }
                : new LegendItem { LabelText = runs.Scenarios[s].Name, FillColor = ScenarioColor(s) });
        }

        ChartFonts.EnsureRegistered();
        legend.Legend.FontName = ChartFonts.Family;
        legend.Legend.FontSize = 15;
        legend.Legend.Alignment = Alignment.MiddleCenter;
        legend.ShowLegend();
        return plots;
    }

    /// <summary>A panel's title, tick labels and axis titles (the value axis in its unit, the other "year" unless told otherwise).</summary>
    private static void Style(Plot plot, string title, Func<double, string> format, string valueAxisTitle, bool yearAxis = true)
    {
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = format };
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.Label.Text = valueAxisTitle;
        plot.Axes.Left.Label.FontSize = 12;
        plot.Axes.Left.Label.Bold = false;
        if (yearAxis)
        {
            plot.Axes.Bottom.Label.Text = "year";
            plot.Axes.Bottom.Label.FontSize = 12;
            plot.Axes.Bottom.Label.Bold = false;
        }
    }

    /// <summary>The smallest and largest finite value (NaN, NaN if there is none).</summary>
    private static (double Min, double Max) Extent(IEnumerable<double> values)
    {
        double[] finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? (double.NaN, double.NaN) : (finite.Min(), finite.Max());
    }

    private static void YearTicks(Plot plot, IReadOnlyList<int> years)
    {
        int step = years.Count > 12 ? 5 : years.Count > 6 ? 2 : 1;
        double[] positions = years.Where(y => y % step == 0 || y == years[0]).Select(y => (double)y).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions, positions.Select(y => y.ToString("0", CultureInfo.InvariantCulture)).ToArray());
    }

    private static ChartImage Render(Multiplot multiplot, Plot[] panels, string fileName, string caption)
    {
        ChartFonts.EnsureRegistered();
        foreach (Plot plot in panels)
        {
            plot.Font.Set(ChartFonts.Family);
        }

        using Image image = multiplot.Render(PanelWidth, PanelHeight);
        return new ChartImage(fileName, caption, image.GetImageBytes(ImageFormat.Png, 100));
    }

    private static string Count(double persons)
    {
        var c = CultureInfo.InvariantCulture;
        return persons switch
        {
            >= 1e6 => (persons / 1e6).ToString("0.0", c) + "M",
            >= 1e4 => (persons / 1e3).ToString("0", c) + "k",
            >= 1e3 => (persons / 1e3).ToString("0.0", c) + "k",
            _ => persons.ToString("0", c),
        };
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A scenario name as a file name part: letters, digits, '-' and '_' kept, anything else '_'.</summary>
    public static string FileSafe(string name)
        => new(name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_').ToArray());
}
