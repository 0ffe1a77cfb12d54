namespace Mobility.Cli.Console;

using System.Globalization;
using Mobility.Experiments.Calibration;

/// <summary>A few lines of plain text about a fit: the overall measures and the worst targets.</summary>
internal static class FitSummary
{
    public static void Write(TextWriter output, Fit fit, string label = "fit")
    {
        if (fit.Rows.Count == 0)
        {
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {fit.Rows.Count} targets, median |log ratio| {fit.MedianAbsoluteLogRatio:F3} (factor {Math.Exp(fit.MedianAbsoluteLogRatio):F2}), "
            + $"largest factor {fit.MaxFactor:F2}, mean relative difference {fit.MeanRelativeDifference:F3}, objective {fit.Objective:F4}"));
        foreach (var row in fit.Worst(3))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {row.Observation.Id,-18} {row.Observation.Pair,-9} {row.Observation.Year} observed {row.Observation.Value,9:N0}  simulated {row.Simulated,9:N0}  factor {row.Factor:F2}"));
        }
    }
}
