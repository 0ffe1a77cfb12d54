namespace Mobility.Cli.Console;

using System.Globalization;
using Mobility.Experiments.Equivalence;
using Mobility.Input;
using Mobility.Model.Metrics;
using Spectre.Console;

/// <summary>
/// The table printed after an equivalence check: how many tests pass, then the failures first (missing, shifted,
/// inconclusive, worst first), then passes up to a screenful; every row is in equivalence.csv.
/// </summary>
internal static class EquivalenceSummaryTable
{
    /// <summary>At most this many failing rows are printed (the CSV has all of them).</summary>
    public const int MaxFailureRows = 40;

    /// <summary>Passing rows fill the table up to this many rows.</summary>
    public const int MinRows = 12;

    public static void Write(IAnsiConsole console, EquivalenceResult result, string heading, string csvPath)
    {
        var failures = result.Rows.Count(r => !r.Equivalent);
        var shown = result.FailuresFirst().Take(Math.Max(Math.Min(failures, MaxFailureRows), MinRows)).ToArray();
        var table = new Table()
            .Title(Markup.Escape(heading))
            .Border(TableBorder.Rounded);
        table.AddColumn("verdict");
        table.AddColumn("scenario");
        table.AddColumn("country: indicator");
        table.AddColumn(new TableColumn("year").RightAligned());
        table.AddColumn(new TableColumn("old mean").RightAligned());
        table.AddColumn(new TableColumn("new - old").RightAligned());
        table.AddColumn(new TableColumn("90% CI").RightAligned());
        table.AddColumn(new TableColumn("margin ±").RightAligned());
        table.AddColumn(new TableColumn("p (max)").RightAligned());
        foreach (EquivalenceRow row in shown)
        {
            Metric? metric = MetricCatalogue.Find(row.Key.Metric);
            string Value(double v) => !double.IsFinite(v) ? "-" : metric?.FormatPrecise(v) ?? v.ToString("G6", CultureInfo.InvariantCulture);
            string change = "-", interval = "-", margin = "-";
            if (double.IsFinite(row.Test.Difference))
            {
                var (c, low, high) = metric is null
                    ? (G(row.Test.Difference), G(row.Test.Low), G(row.Test.High))
                    : metric.FormatEffect(row.Test.Difference, row.Test.Low, row.Test.High, signed: true);
                change = c;
                interval = $"{low} to {high}";
                margin = metric?.FormatChange(row.Margin) ?? G(row.Margin);
            }

            double p = Math.Max(row.Test.PLower, row.Test.PUpper);
            table.AddRow(
                Verdict(row.Verdict),
                Markup.Escape(row.Key.Scenario),
                Markup.Escape($"{row.Key.Country}: {metric?.Label ?? row.Key.Metric}"),
                row.Key.Year.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Value(row.OldMean)),
                Markup.Escape(change),
                Markup.Escape(interval),
                Markup.Escape(margin),
                double.IsFinite(p) ? p.ToString("0.000", CultureInfo.InvariantCulture) : "-");
        }

        if (result.Rows.Count > shown.Length)
        {
            table.Caption($"{result.Rows.Count - shown.Length} more rows in {Markup.Escape(PathDisplay.Of(csvPath))}");
        }

        console.Write(table);
        foreach (var scenario in result.Rows.GroupBy(r => r.Key.Scenario))
        {
            int passed = scenario.Count(r => r.Equivalent);
            console.WriteLine($"{scenario.Key}: {passed} of {scenario.Count()} pass");
        }

        if (result.ReplicationsNeededForInconclusive() is int needed)
        {
            console.WriteLine($"inconclusive: the 90% interval reaches across the margin. With these spreads, {needed} replications "
                + "per engine would give each inconclusive test a 90% chance to pass if the engines are the same (column replications_needed)");
        }

        console.WriteLine($"equivalence table: {PathDisplay.Of(csvPath)}");
    }

    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Verdict(EquivalenceVerdict verdict) => verdict switch
    {
        EquivalenceVerdict.Equivalent => "[green]pass[/]",
        EquivalenceVerdict.Shifted => "[red]shifted[/]",
        EquivalenceVerdict.Inconclusive => "[yellow]inconclusive[/]",
        _ => "[red]missing[/]",
    };
}
