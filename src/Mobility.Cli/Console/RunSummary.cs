namespace Mobility.Cli.Console;

using System.Globalization;
using Mobility.Engine.Measurement;
using Mobility.Input.Configuration;
using Mobility.Input;
using Mobility.Model.Metrics;
using Spectre.Console;

/// <summary>
/// The table printed after a run: one row per headline metric, one column per member country, for the final year
/// (laid out this way so that it fits an 80-column terminal); then timings and the output path.
/// </summary>
internal static class RunSummary
{
    /// <summary>The rows, labelled and formatted as their records in <see cref="MetricCatalogue"/> say.</summary>
    private static readonly Metric[] Rows =
    [
        MetricCatalogue.RegionalImage,
        MetricCatalogue.InboundStudents,
        MetricCatalogue.OutboundStudents,
        MetricCatalogue.IntraRegionalShare,
        MetricCatalogue.HumanCapital,
        MetricCatalogue.ReturnRate,
        MetricCatalogue.BestRank,
        MetricCatalogue.SoftPowerScore,
    ];

    public static void Write(IAnsiConsole console, LoadedScenario scenario, RunResult result, TimeSpan wall, string outputFolder, string runId)
    {
        int finalYear = result.Metrics.Count > 0 ? result.Metrics.Max(m => m.Year) : scenario.Settings.Scenario.EndYear;
        var values = result.Metrics
            .Where(m => m.Year == finalYear)
            .GroupBy(m => (m.Country, m.Metric))
            .ToDictionary(g => g.Key, g => g.Last().Value);
        var members = scenario.World.Countries.Where(c => c.IsMember).Select(c => c.Code).ToArray();

        var table = new Table().Title($"{Markup.Escape(scenario.Name)}, {finalYear}").Border(TableBorder.Rounded);
        table.AddColumn("");
        foreach (string code in members)
        {
            table.AddColumn(new TableColumn(Markup.Escape(code)).RightAligned());
        }

        foreach (Metric row in Rows)
        {
            var cells = new List<string> { Markup.Escape(row.Label) };
            cells.AddRange(members.Select(code =>
                values.TryGetValue((code, row.Name), out double v) && double.IsFinite(v) ? Markup.Escape(row.Format(v)) : "-"));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        RunStatistics stats = result.Statistics;
        double perSecond = stats.SimulateSeconds > 0 ? stats.AgentYears / stats.SimulateSeconds : 0;
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"time: {wall.TotalSeconds:0.0} s wall, {stats.InitSeconds:0.0} s init, {stats.SimulateSeconds:0.0} s simulating"));
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"speed: {stats.AgentYears:N0} agent-years, {perSecond:N0} agent-years/s"));
        console.WriteLine($"run {runId} written to {PathDisplay.Of(outputFolder)}");
    }
}
