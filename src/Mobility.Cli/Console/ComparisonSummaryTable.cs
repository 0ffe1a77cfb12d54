namespace Mobility.Cli.Console;

using System.Globalization;
using Mobility.Experiments.Comparison;
using Mobility.Input;
using Spectre.Console;

/// <summary>
/// The table printed after a comparison: for each scenario, its largest significant final-year effects (the same
/// three as the report's executive summary) with their 95% intervals.
/// </summary>
internal static class ComparisonSummaryTable
{
    public static void Write(IAnsiConsole console, ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, string timing, string summaryPath, string reportPath)
    {
        string reference = runs.Reference.Name;
        var table = new Table()
            .Title($"key effects vs {Markup.Escape(reference)}, {runs.FinalYear} ({runs.Replications} paired replications, 95% CI)")
            .Border(TableBorder.Rounded);
        table.AddColumn("scenario");
        table.AddColumn("country: indicator");
        table.AddColumn(new TableColumn("change").RightAligned());
        table.AddColumn(new TableColumn("95% CI").RightAligned());
        table.AddColumn(new TableColumn("relative").RightAligned());
        for (int s = 1; s < runs.Scenarios.Count; s++)
        {
            string name = runs.Scenarios[s].Name;
            var effects = KeyEffect.Largest(runs, summary, name);
            if (effects.Count == 0)
            {
                table.AddRow(Markup.Escape(name), "[grey]no significant effect on headline indicators[/]", "", "", "");
            }

            for (int i = 0; i < effects.Count; i++)
            {
                KeyEffect e = effects[i];
                var m = e.Metric;
                table.AddRow(
                    i == 0 ? Markup.Escape(name) : "",
                    Markup.Escape($"{e.CountryName}: {m.Label}"),
                    Markup.Escape(Signed(m, e.Row.Diff!.Value)),
                    Markup.Escape($"{Signed(m, e.Row.DiffLow!.Value)} to {Signed(m, e.Row.DiffHigh!.Value)}"),
                    Markup.Escape(e.RelativePercent));
            }

            if (s < runs.Scenarios.Count - 1)
            {
                table.AddEmptyRow();
            }
        }

        console.Write(table);
        console.WriteLine(timing);
        console.WriteLine($"summary: {PathDisplay.Of(summaryPath)} (also summary.csv; every run's yearly metrics in runs.parquet)");
        console.WriteLine($"report: {PathDisplay.Of(reportPath)}");
    }

    private static string Signed(HeadlineMetric metric, double change)
        => (change < 0 ? "-" : "+") + metric.FormatChange(Math.Abs(change));
}
