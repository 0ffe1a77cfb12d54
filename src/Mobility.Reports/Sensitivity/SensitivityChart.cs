namespace Mobility.Reports.Sensitivity;

using Mobility.Experiments.Sensitivity;
using Mobility.Experiments.Sweeps;
using Mobility.Reports.Charts;
using ScottPlot;

/// <summary>
/// A bar chart of sensitivity indices with their bootstrap 95% intervals as error bars: for Sobol, first-order (S1)
/// and total (ST) indices side by side per parameter; for Morris, mu* per parameter (with sigma as a second bar).
/// </summary>
public static class SensitivityChart
{
    public static ChartImage Render(SensitivityResult result, string title, string fileName = "sensitivity.png")
    {
        var plot = new Plot();
        string[] names;
        if (result.Method == SamplingMethod.Sobol)
        {
            names = result.Sobol.Select(s => s.Parameter).ToArray();
            AddSeries(plot, "first order S1", Colors.SteelBlue, -0.2, result.Sobol.Select(s => (s.First, s.FirstLow, s.FirstHigh)).ToArray());
            AddSeries(plot, "total ST", Colors.DarkOrange, 0.2, result.Sobol.Select(s => (s.Total, s.TotalLow, s.TotalHigh)).ToArray());
            plot.YLabel("Sobol index (share of variance)");
        }
        else
        {
            names = result.Morris.Select(m => m.Parameter).ToArray();
            AddSeries(plot, "mu*", Colors.SteelBlue, -0.2, result.Morris.Select(m => (m.MuStar, m.MuStarLow, m.MuStarHigh)).ToArray());
            AddSeries(plot, "sigma", Colors.DarkOrange, 0.2, result.Morris.Select(m => (m.Sigma, m.Sigma, m.Sigma)).ToArray());
            plot.YLabel("elementary effect (output per parameter range)");
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, names.Length).Select(i => (double)i).ToArray(), names);
        // Long parameter names: slanted labels, with room below the axis for them.
        plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 5 * names.Max(n => n.Length) + 20;
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperRight);
        plot.HideGrid();
        return ChartImage.Render(fileName, title, plot, ChartImage.DefaultWidth, ChartImage.DefaultHeight + 100);
    }

    private static void AddSeries(Plot plot, string label, Color color, double offset, (double Value, double Low, double High)[] values)
    {
        var bars = values.Select((v, i) => new Bar
        {
            Position = i + offset,
            Value = Finite(v.Value),
            FillColor = color,
            Size = 0.38,
        }).ToArray();
        var series = plot.Add.Bars(bars);
        series.LegendText = label;

        // Bootstrap intervals are not symmetric around the estimate, so they are drawn as a separate error-bar layer.
        var errors = new ScottPlot.Plottables.ErrorBar(
            bars.Select(b => b.Position).ToArray(),
            bars.Select(b => b.Value).ToArray(),
            null,
            null,
            values.Select(v => Math.Max(0, Finite(v.High) - Finite(v.Value))).ToArray(),
            values.Select(v => Math.Max(0, Finite(v.Value) - Finite(v.Low))).ToArray())
        {
            Color = Colors.Black,
            LineWidth = 1.5f,
            CapSize = 6,
        };
        plot.Add.Plottable(errors);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
