namespace Mobility.Cli.Console;

using Mobility.Experiments.Comparison;
using Mobility.Input;
using Spectre.Console;

/// <summary>
/// The table printed after a comparison: for each scenario, its largest significant effects in the final year and
/// those that peak earlier, in their peak year (the same as the report's executive summary), with their 95%
/// intervals.
/// </summary>
internal static class ComparisonSummaryTable
{
    /// <summary>The relative column of an effect whose reference value is zero or negative: no percentage.</summary>
    public const string NoRelative = "n/a";

    public static void Write(IAnsiConsole console, ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, string timing, string summaryPath, string reportPath)
    {
        string reference = runs.Reference.Name;
        var table = new Table()
            .Title($"key effects vs {Markup.Escape(reference)}, {runs.FinalYear} and at earlier peaks ({runs.Replications} paired replications, 95% CI)")
            .Border(TableBorder.Rounded);
        table.AddColumn("scenario");
        table.AddColumn("country: indicator");
        table.AddColumn(new TableColumn("year").RightAligned());
        table.AddColumn(new TableColumn("change").RightAligned());
        table.AddColumn(new TableColumn("95% CI").RightAligned());
        table.AddColumn(new TableColumn("relative").RightAligned());
        bool withoutRelative = false;
        for (int s = 1; s < runs.Scenarios.Count; s++)
        {
            string name = runs.Scenarios[s].Name;
            KeyEffect[] effects = [.. KeyEffect.Largest(runs, summary, name), .. KeyEffect.EarlierPeaks(runs, summary, name)];
            if (effects.Length == 0)
            {
                table.AddRow(Markup.Escape(name), "[grey]no significant effect on headline indicators[/]", "", "", "", "");
            }

            for (int i = 0; i < effects.Length; i++)
            {
                KeyEffect e = effects[i];
                var (change, low, high) = e.Metric.FormatEffect(e.Row.Diff!.Value, e.Row.DiffLow!.Value, e.Row.DiffHigh!.Value, signed: true);
                withoutRelative |= e.RelativePercent is null;
                table.AddRow(
                    i == 0 ? Markup.Escape(name) : "",
                    Markup.Escape($"{e.CountryName}: {e.Metric.Label}"),
                    e.Row.Horizon == Horizons.Peak ? $"{e.Year} peak" : $"{e.Year}",
                    Markup.Escape(change),
                    Markup.Escape($"{low} to {high}"),
                    Markup.Escape(e.RelativePercent ?? NoRelative));
            }

            if (s < runs.Scenarios.Count - 1)
            {
                table.AddEmptyRow();
            }
        }

        console.Write(table);
        if (withoutRelative)
        {
            console.WriteLine($"relative {NoRelative}: the value under {reference} is zero or negative, so a change is no percentage of it");
        }

        console.WriteLine(timing);
        console.WriteLine($"summary: {PathDisplay.Of(summaryPath)} (also summary.csv; every run's yearly metrics in runs.parquet)");
        console.WriteLine($"report: {PathDisplay.Of(reportPath)}");
    }
}
