namespace Mobility.Cli.Console;

using System.Globalization;
using Mobility.Engine.Measurement;
using Mobility.Input;
using Mobility.Input.Configuration;
using Spectre.Console;

/// <summary>
/// The table printed after a run: one row per headline metric, one column per member country, for the final year
/// (laid out this way so that it fits an 80-column terminal); then timings and the output path.
/// </summary>
internal static class RunSummary
{
    private enum Style
    {
        Score,
        Count,
        Share,
        Rank,
    }

    private static readonly (string Metric, string Label, Style Style)[] Rows =
    [
        (MetricNames.RegionalImage, "regional image", Style.Score),
        (MetricNames.InboundStudents, "inbound students", Style.Count),
        (MetricNames.OutboundStudents, "outbound students", Style.Count),
        (MetricNames.IntraRegionalShare, "intra-regional share", Style.Share),
        (MetricNames.HumanCapital, "human capital", Style.Count),
        (MetricNames.ReturnRate, "return rate", Style.Share),
        (MetricNames.BestRank, "best rank", Style.Rank),
        (MetricNames.SoftPowerScore, "soft power score", Style.Score),
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

        foreach (var row in Rows)
        {
            var cells = new List<string> { Markup.Escape(row.Label) };
            cells.AddRange(members.Select(code =>
                values.TryGetValue((code, row.Metric), out double v) && double.IsFinite(v) ? Format(v, row.Style) : "-"));
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

    private static string Format(double value, Style style)
    {
        var c = CultureInfo.InvariantCulture;
        return style switch
        {
            Style.Score => value.ToString("0.000", c),
            Style.Share => (value * 100).ToString("0.0", c) + "%",
            Style.Rank => value.ToString("N0", c),
            _ => Math.Abs(value) switch
            {
                >= 1e6 => (value / 1e6).ToString("0.00", c) + "M",
                >= 1e4 => (value / 1e3).ToString("0.0", c) + "k",
                _ => value.ToString("N0", c),
            },
        };
    }
}
