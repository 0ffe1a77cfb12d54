namespace Mobility.Reports.Charts;

/// <summary>
/// Registers the DejaVu Sans font shipped with the program (folder <c>Fonts/</c> next to the assembly) as ScottPlot's
/// default, so charts render the same text on any machine, including headless ones without system fonts.
/// </summary>
public static class ChartFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Registers the font once per process; safe to call from any thread before drawing.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            string folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
            string regular = Path.Combine(folder, "DejaVuSans.ttf");
            string bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
            if (!File.Exists(regular) || !File.Exists(bold))
            {
                throw new InvalidOperationException($"the chart font is missing from {folder} (the build copies it from src/Mobility.Reports/Fonts)");
            }

            ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
            ScottPlot.Fonts.Default = Family;
            registered = true;
        }
    }
}
