namespace Mobility.Experiments.Comparison;

using System.Globalization;
using Mobility.Engine.Measurement;

/// <summary>A metric shown to policymakers: its name in the data, its label in words, and its unit.</summary>
public sealed record HeadlineMetric(string Metric, string Label, MetricUnit Unit)
{
    /// <summary>The indicators of the report's time series and effect charts, in reading order.</summary>
    public static readonly IReadOnlyList<HeadlineMetric> Charted =
    [
        new(MetricNames.RegionalImage, "regional image", MetricUnit.Score),
        new(MetricNames.InboundStudents, "inbound students", MetricUnit.Persons),
        new(MetricNames.IntraRegionalShare, "intra-regional share", MetricUnit.Share),
        new(MetricNames.IntlHumanCapital, "internationally trained human capital", MetricUnit.Number),
        new(DerivedMetrics.NetBrainGain, "net brain gain", MetricUnit.Persons),
        new(MetricNames.ExportRevenueUsd, "education-export revenue", MetricUnit.Usd),
    ];

    /// <summary>The indicators the executive summary picks its largest effects from: the charted ones and the soft power score.</summary>
    public static readonly IReadOnlyList<HeadlineMetric> Summarised =
        [.. Charted, new(MetricNames.SoftPowerScore, "soft power score", MetricUnit.Score)];

    public static HeadlineMetric For(string metric)
        => Summarised.FirstOrDefault(h => h.Metric == metric)
            ?? new HeadlineMetric(metric, metric.Replace('_', ' '), metric == MetricNames.BestRank ? MetricUnit.Rank : MetricUnit.Number);

    /// <summary>A value in this metric's unit, short (e.g. 0.687, 17.6%, 36.0k, $12.3M).</summary>
    public string Format(double value)
    {
        var c = CultureInfo.InvariantCulture;
        return Unit switch
        {
            MetricUnit.Score => value.ToString("0.000", c),
            MetricUnit.Share => (value * 100).ToString("0.0", c) + "%",
            MetricUnit.Rank => value.ToString("N0", c),
            MetricUnit.Usd => (value < 0 ? "-$" : "$") + Compact(Math.Abs(value)),
            _ => Compact(value),
        };
    }

    /// <summary>A change in this metric's unit; shares change in percentage points.</summary>
    public string FormatChange(double change)
    {
        var c = CultureInfo.InvariantCulture;
        return Unit switch
        {
            MetricUnit.Share => (change * 100).ToString("0.0", c) + " pp",
            MetricUnit.Score => Math.Abs(change) >= 0.01 || change == 0 ? change.ToString("0.000", c) : change.ToString("G2", c),
            _ => Format(change),
        };
    }

    /// <summary>An axis tick label: enough digits to tell neighbouring ticks apart, thousands as k and millions as M.</summary>
    public string FormatTick(double value)
    {
        var c = CultureInfo.InvariantCulture;
        string number(double v) => Math.Abs(v) switch
        {
            >= 1e9 => (v / 1e9).ToString("0.###", c) + "bn",
            >= 1e6 => (v / 1e6).ToString("0.###", c) + "M",
            >= 1e3 => (v / 1e3).ToString("0.###", c) + "k",
            _ => v.ToString("0.######", c),
        };
        return Unit switch
        {
            MetricUnit.Share => (value * 100).ToString("0.####", c) + "%",
            MetricUnit.Usd => (value < 0 ? "-$" : "$") + number(Math.Abs(value)),
            MetricUnit.Rank => value.ToString("N0", c),
            _ => number(value),
        };
    }

    private static string Compact(double value)
    {
        var c = CultureInfo.InvariantCulture;
        return Math.Abs(value) switch
        {
            >= 1e9 => (value / 1e9).ToString("0.00", c) + "bn",
            >= 1e6 => (value / 1e6).ToString("0.00", c) + "M",
            >= 1e4 => (value / 1e3).ToString("0.0", c) + "k",
            >= 100 => value.ToString("N0", c),
            _ => value.ToString("G3", c),
        };
    }
}
