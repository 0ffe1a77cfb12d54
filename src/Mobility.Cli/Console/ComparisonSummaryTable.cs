namespace Mobility.Cli.Console;

using Mobility.Experiments.Comparison;
using Mobility.Input;
using Spectre.Console;

/// <summary>
/// The table printed after a comparison: for each scenario, its largest significant effects in the final year and
/// those that peak earlier, in their peak year (the same as the report's executive summary), with their 95%
/// intervals. Over a posterior, the 90% credible interval, the share of draws with a positive effect and the
/// noise-only 95% interval.
/// </summary>
internal static class ComparisonSummaryTable
{
    /// <summary>The relative column of an effect whose reference value is zero or negative: no percentage.</summary>
    public const string NoRelative = "n/a";

    public static void Write(IAnsiConsole console, ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, string timing, string summaryPath, string reportPath)
    {
        string reference = runs.Reference.Name;
        ComparisonDraws? draws = runs.Draws;
        string sampling = draws is null
            ? $"{runs.Replications} paired replications, 95% CI"
            : $"{draws.Count} posterior draws x {draws.ReplicationsPerDraw} paired replications, 90% credible intervals";
        var table = new Table()
            .Title($"key effects vs {Markup.Escape(reference)}, {runs.FinalYear} and at earlier peaks ({sampling})")
            .Border(TableBorder.Rounded);
        table.AddColumn("scenario");
        table.AddColumn("country: indicator");
        table.AddColumn(new TableColumn("year").RightAligned());
        table.AddColumn(new TableColumn("change").RightAligned());
        table.AddColumn(new TableColumn(draws is null ? "95% CI" : "90% credible").RightAligned());
        if (draws is not null)
        {
            table.AddColumn(new TableColumn("P(> 0)").RightAligned());
            table.AddColumn(new TableColumn("noise only, 95%").RightAligned());
        }

        table.AddColumn(new TableColumn("relative").RightAligned());
        bool withoutRelative = false;
        for (int s = 1; s < runs.Scenarios.Count; s++)
        {
            string name = runs.Scenarios[s].Name;
            KeyEffect[] effects = [.. KeyEffect.Largest(runs, summary, name), .. KeyEffect.EarlierPeaks(runs, summary, name)];
            if (effects.Length == 0)
            {
                table.AddRow([Markup.Escape(name), draws is null ? "[grey]no significant effect on headline indicators[/]" : "[grey]no effect with a credible interval excluding zero[/]",
                    .. Enumerable.Repeat("", table.Columns.Count - 2)]);
            }

            for (int i = 0; i < effects.Length; i++)
            {
                KeyEffect e = effects[i];
                var (change, low, high) = e.Metric.FormatEffect(e.Row.Diff!.Value, e.Row.DiffLow!.Value, e.Row.DiffHigh!.Value, signed: true);
                withoutRelative |= e.RelativePercent is null;
                var cells = new List<string>
                {
                    i == 0 ? Markup.Escape(name) : "",
                    Markup.Escape($"{e.CountryName}: {e.Metric.Label}"),
                    e.Row.Horizon == Horizons.Peak ? $"{e.Year} peak" : $"{e.Year}",
                    Markup.Escape(change),
                };
                if (e.Row.Posterior is PosteriorEffect p)
                {
                    var (credibleChange, credibleLow, credibleHigh) = e.Metric.FormatEffect(e.Row.Diff!.Value, p.CredibleLow, p.CredibleHigh, signed: true);
                    cells[3] = Markup.Escape(credibleChange); // on the scale of the wider interval
                    cells.Add(Markup.Escape($"{credibleLow} to {credibleHigh}"));
                    cells.Add(KeyEffect.Percent(p.ProbabilityPositive));
                }

                cells.Add(Markup.Escape($"{low} to {high}"));
                cells.Add(Markup.Escape(e.RelativePercent ?? NoRelative));
                table.AddRow(cells.ToArray());
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

        if (draws is not null)
        {
            console.WriteLine($"90% credible: the middle 90% of the {draws.Count} draws' mean effects (coefficients and noise); P(> 0): share of draws with a positive effect; "
                + "noise only: the 95% interval were the coefficients known (summary.csv: total_low, total_high, share_coefficients, share_noise, probability_positive)");
        }

        console.WriteLine(timing);
        console.WriteLine($"summary: {PathDisplay.Of(summaryPath)} (also summary.csv; every run's yearly metrics in runs.parquet)");
        console.WriteLine($"report: {PathDisplay.Of(reportPath)}");
    }
}
