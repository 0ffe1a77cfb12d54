namespace Mobility.Reports.Charts;

using ScottPlot;

/// <summary>A rendered chart: its PNG bytes plus the file name it gets under <c>charts/</c> and a caption.</summary>
public sealed record ChartImage(string FileName, string Caption, byte[] Png)
{
    public const int DefaultWidth = 900;
    public const int DefaultHeight = 500;

    /// <summary>Renders a ScottPlot plot to PNG with the shipped font.</summary>
    public static ChartImage Render(string fileName, string caption, Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        ChartFonts.EnsureRegistered();
        plot.Font.Set(ChartFonts.Family);
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        return new ChartImage(fileName, caption, png);
    }
}
