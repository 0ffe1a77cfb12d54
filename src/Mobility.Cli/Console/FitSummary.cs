namespace Mobility.Cli.Console;

using System.Globalization;
using Mobility.Experiments.Calibration;

/// <summary>A few lines of plain text about a fit: the overall measures and the worst targets.</summary>
internal static class FitSummary
{
    private static string High(FitRow row)
        => double.IsNaN(row.Observation.High) ? "" : "-" + row.Observation.High.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>One line: each member country's median error factor and share within 2x.</summary>
    public static void WriteByCountry(TextWriter output, Fit fit, IEnumerable<string> members, string label)
    {
        var parts = fit.ByCountry(members).Where(c => c.Fit.Rows.Count > 0).Select(c => Part(c.Country, c.Fit));
        output.WriteLine($"  {label} by member (median error factor, share within 2x): {string.Join(", ", parts)}");
    }

    /// <summary>One line: each kind of flow's median error factor and share within 2x (groups without a target left out).</summary>
    public static void WriteByFlowGroup(TextWriter output, Fit fit, IEnumerable<string> members, string label)
    {
        var parts = fit.ByFlowGroup(members).Where(g => g.Fit.Rows.Count > 0).Select(g => Part(FlowGroups.Label(g.Group), g.Fit));
        output.WriteLine($"  {label} by kind of flow (median error factor, share within 2x): {string.Join(", ", parts)}");
    }

    /// <summary>"NAME x1.23 (90% of 40)": a part's median error factor, share within 2x and number of targets.</summary>
    private static string Part(string name, Fit fit)
        => string.Create(CultureInfo.InvariantCulture, $"{name} x{Math.Exp(fit.MedianAbsoluteLogRatio):F2} ({fit.WithinFactorTwo * 100:0}% of {fit.Rows.Count})");

    public static void Write(TextWriter output, Fit fit, string label = "fit")
    {
        if (fit.Rows.Count == 0)
        {
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {fit.Rows.Count} targets ({fit.Figures} figures), median |log ratio| {fit.MedianAbsoluteLogRatio:F3} (factor {Math.Exp(fit.MedianAbsoluteLogRatio):F2}), "
            + $"{fit.WithinFactorTwo * 100:0}% within 2x, largest factor {fit.MaxFactor:F2}, mean relative difference {fit.MeanRelativeDifference:F3}, objective {fit.Objective:F4}"
            + $"{(fit.NotComparable.Count > 0 ? "; " + fit.NotComparable.Count + " not comparable (see fit.csv)" : "")}"));
        foreach (var row in fit.Worst(3))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {row.Observation.Id,-30} {row.Observation.Pair,-9} {row.Observation.Year} observed {row.Observation.Value,9:N0}{High(row)}  simulated {row.Simulated,9:N0}  factor {row.Factor:F2}"));
        }
    }
}
