namespace Mobility.Reports.Posterior;

using System.Globalization;
using Mobility.Experiments.Posterior;
using Mobility.Reports.Charts;
using ScottPlot;

/// <summary>
/// The rank histograms of a simulation-based calibration: a panel per coefficient, the data sets counted in equal
/// bins of ranks, a line at the count uniform ranks would give and a band holding 99% of a bin's count under
/// uniformity (binomial), with the chi-square p-value in each title.
/// </summary>
public static class SbcChart
{
    public const string FileName = "sbc-ranks.png";

    public static ChartImage Render(SbcResult result)
    {
        int k = result.Prior.Dimension;
        int columns = Math.Min(3, k), rows = (k + columns - 1) / columns;
        var multiplot = new Multiplot();
        multiplot.AddPlots(k);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        Plot[] plots = multiplot.GetPlots();
        int n = result.DataSets.Count, bins = result.Options.Bins;
        double expected = n / (double)bins;
        var binomial = new MathNet.Numerics.Distributions.Binomial(1.0 / bins, n);
        double low = Quantile(binomial, 0.005), high = Quantile(binomial, 0.995);
        ChartFonts.EnsureRegistered();
        for (int c = 0; c < k; c++)
        {
            Plot plot = plots[c];
            int[] counts = result.BinCounts(c);
            var (_, p) = result.Uniformity(c);
            plot.Add.VerticalSpan(low, high, Colors.Gray.WithAlpha(0.25)); // a band of y values
            plot.Add.Bars(counts.Select((count, b) => new Bar { Position = b, Value = count, FillColor = Colors.SteelBlue, Size = 0.9 }).ToArray());
            plot.Add.HorizontalLine(expected, 1.5f, Colors.Black, LinePattern.Dashed);
            plot.Title(string.Create(CultureInfo.InvariantCulture, $"{result.Prior.Coefficients[c].Path}\nchi-square p = {p:0.000}"));
            plot.Axes.Title.Label.FontSize = 13;
            int width = (result.Options.Draws + 1) / bins;
            double[] positions = Enumerable.Range(0, bins).Select(b => (double)b).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                positions, positions.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b * width}-{((b + 1) * width) - 1}")).ToArray());
            plot.Axes.Bottom.Label.Text = "rank of the true value";
            plot.Axes.Left.Label.Text = "data sets";
            plot.Axes.SetLimits(-0.6, bins - 0.4, 0, Math.Max(high, counts.Max()) * 1.15);
            plot.Font.Set(ChartFonts.Family);
        }

        using Image image = multiplot.Render(380 * columns, 300 * rows);
        return new ChartImage(FileName,
            string.Create(CultureInfo.InvariantCulture,
                $"Simulation-based calibration: ranks of the true coefficient among {result.Options.Draws} posterior draws over {n} simulated data sets, in {bins} bins; "
                + $"dashed: the count uniform ranks give ({expected:0.#}), grey band: 99% of a bin's count under uniformity."),
            image.GetImageBytes(ImageFormat.Png, 100));
    }

    /// <summary>The smallest count whose cumulative probability reaches <paramref name="p"/> (MathNet's Binomial has no inverse).</summary>
    private static int Quantile(MathNet.Numerics.Distributions.Binomial binomial, double p)
    {
        int x = 0;
        while (binomial.CumulativeDistribution(x) < p)
        {
            x++;
        }

        return x;
    }
}
