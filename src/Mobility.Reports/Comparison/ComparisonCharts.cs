namespace Mobility.Reports.Comparison;

using System.Globalization;
using Mobility.Engine.Measurement;
using Mobility.Experiments.Comparison;
using Mobility.Reports.Charts;
using ScottPlot;

/// <summary>
/// The charts of a comparison report, drawn with ScottPlot: one colour per scenario throughout, 95% intervals as
/// shaded bands or error bars, one panel per member country where countries differ in scale.
/// </summary>
public static class ComparisonCharts
{
    private const int PanelWidth = 1200;
    private const int PanelHeight = 760;
    private const float TitleSize = 15;

    /// <summary>Yearly mean and 95% band of a headline metric, one panel per member country, a line per scenario.</summary>
    public static ChartImage TimeSeries(ComparisonRuns runs, HeadlineMetric metric)
    {
        var panels = Panels(runs, $"{Capitalise(metric.Label)}\nmean and 95% interval\nover {runs.Replications} replications", out Multiplot multiplot);
        for (int i = 0; i < runs.Members.Count; i++)
        {
            Plot plot = panels[i];
            string country = runs.Members[i];
            foreach (int s in DrawingOrder(runs))
            {
                YearlyBand band = YearlyBand.Of(runs, s, country, metric.Metric);
                double[] years = band.Years.Select(y => (double)y).ToArray();
                Color color = ScenarioColor(s);
                var fill = plot.Add.FillY(years, band.Low, band.High);
                fill.FillColor = color.WithAlpha(0.18);
                fill.LineWidth = 0;
                var line = plot.Add.ScatterLine(years, band.Mean, color);
                line.LineWidth = s == 0 ? 2.5f : 2;
                line.LinePattern = s == 0 ? LinePattern.Dashed : LinePattern.Solid;
            }

            Style(plot, runs.CountryName(country), metric.FormatTick);
            YearTicks(plot, runs.Years);
        }

        return Render(multiplot, panels, $"timeseries-{metric.Metric}.png",
            $"{Capitalise(metric.Label)} by year and member country: mean over {runs.Replications} replications with its 95% interval (band); the reference ({runs.Reference.Name}) is dashed.");
    }

    /// <summary>
    /// The final-year effect of every scenario on a headline metric versus the reference, one panel per member country
    /// (each with its own scale, so that one large effect does not flatten the others), with the 95% interval of the
    /// paired difference as error bars.
    /// </summary>
    public static ChartImage Effects(ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, HeadlineMetric metric)
    {
        var rows = summary.Where(r => r.Metric == metric.Metric && r.Horizon == Horizons.Final && r.Diff is not null)
            .ToDictionary(r => (r.Scenario, r.Country));
        var panels = Panels(runs, $"{Capitalise(metric.Label)}:\nchange vs {runs.Reference.Name} in {runs.FinalYear}\n(mean paired difference\nand 95% interval)", out Multiplot multiplot, withReference: false);
        for (int c = 0; c < runs.Members.Count; c++)
        {
            Plot plot = panels[c];
            string country = runs.Members[c];
            var bars = new List<Bar>();
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
            }

            plot.Add.Bars(bars);
            plot.Add.HorizontalLine(0, 1, Colors.Black);
            Style(plot, runs.CountryName(country), metric.FormatTick);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([], []);
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.Margins(bottom: 0.1, top: 0.1);
            plot.HideGrid();
        }

        return Render(multiplot, panels, $"effects-{metric.Metric}.png",
            $"Effect of each scenario on {metric.Label} in {runs.FinalYear} versus {runs.Reference.Name}, by member country (each panel "
            + "on its own scale): bars are the mean paired difference over the replications, error bars its 95% interval.");
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
                YearlyBand band = YearlyBand.Of(runs, s, country, MetricNames.BestRank);

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

            Style(plot, runs.CountryName(country), v => v.ToString("N0", CultureInfo.InvariantCulture));
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

    private static void Style(Plot plot, string title, Func<double, string> format)
    {
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = format };
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
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
