namespace Mobility.Explorer.Responses;

using System.Text.Json.Nodes;
using Mobility.Experiments.Comparison;
using Mobility.Explorer.Candidates;
using Mobility.Model.Metrics;

/// <summary>
/// A finished what-if as the page reads it: the effects of each candidate per member country and indicator at the
/// final year (paired difference from the reference with its 95% interval, formatted as the report formats them),
/// every scenario's yearly mean with its band, and the final-year origin-destination matrix of degree students of
/// each candidate minus the reference's.
/// </summary>
public static class WhatIfResult
{
    public static JsonObject Of(ComparisonRuns runs, IReadOnlyList<SummaryRow> summary, WhatIfRequest request, double seconds)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(request);
        var members = runs.Members;
        var result = new JsonObject
        {
            ["reference"] = runs.Reference.Name,
            ["scenarios"] = Strings(runs.Scenarios.Select(s => s.Name)),
            ["years"] = new JsonArray(runs.Years.Select(y => (JsonNode)JsonValue.Create(y)).ToArray()),
            ["replications"] = runs.Replications,
            ["scale"] = request.Scale,
            ["seed"] = runs.BaseSeed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["seconds"] = seconds,
            ["members"] = new JsonArray(members.Select(c => (JsonNode)new JsonObject { ["code"] = c, ["name"] = runs.CountryName(c) }).ToArray()),
            ["metrics"] = new JsonArray(runs.Metrics.Select(m => MetricCatalogue.Get(m)).Select(m => (JsonNode)new JsonObject
            {
                ["name"] = m.Name,
                ["label"] = m.Label,
                ["unit"] = m.UnitText,
                ["kind"] = m.Unit.ToString(),
                ["definition"] = m.Definition,
            }).ToArray()),
            ["effects"] = Effects(summary, members),
            ["series"] = Series(runs, members),
            ["heat"] = Heat(runs),
        };
        return result;
    }

    /// <summary>Rows of a summary as the effects table shows them (also used for a comparison folder opened from disk).</summary>
    public static JsonArray Effects(IEnumerable<SummaryRow> summary, IReadOnlyCollection<string> members)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = summary.Where(r => r.Horizon == Horizons.Final && members.Contains(r.Country)).ToArray();
        var reference = rows.Where(r => r.Diff is null).ToDictionary(r => (r.Country, r.Metric));
        var effects = new JsonArray();
        foreach (var row in rows.Where(r => r.Diff is not null))
        {
            var metric = MetricCatalogue.Get(row.Metric);
            reference.TryGetValue((row.Country, row.Metric), out var referenceRow);
            var (change, low, high) = metric.FormatEffect(row.Diff!.Value, row.DiffLow!.Value, row.DiffHigh!.Value, signed: true);
            effects.Add(new JsonObject
            {
                ["scenario"] = row.Scenario,
                ["country"] = row.Country,
                ["metric"] = row.Metric,
                ["label"] = metric.Label,
                ["mean"] = row.Mean,
                ["diff"] = row.Diff,
                ["low"] = row.DiffLow,
                ["high"] = row.DiffHigh,
                ["significant"] = row.Significant,
                ["meanText"] = metric.Format(row.Mean),
                ["referenceMean"] = referenceRow?.Mean,
                ["referenceText"] = referenceRow is null ? "" : metric.Format(referenceRow.Mean),
                ["diffText"] = change,
                ["lowText"] = low,
                ["highText"] = high,
            });
        }

        return effects;
    }

    private static JsonArray Series(ComparisonRuns runs, IReadOnlyList<string> members)
    {
        var series = new JsonArray();
        for (int s = 0; s < runs.Scenarios.Count; s++)
        {
            foreach (string country in members)
            {
                foreach (string metric in runs.Metrics)
                {
                    var band = YearlyBand.Of(runs, s, country, metric);
                    if (band.Mean.Any(double.IsNaN))
                    {
                        continue;
                    }

                    series.Add(new JsonObject
                    {
                        ["scenario"] = band.Scenario,
                        ["country"] = country,
                        ["metric"] = metric,
                        ["mean"] = Numbers(band.Mean),
                        ["low"] = Numbers(band.Low),
                        ["high"] = Numbers(band.High),
                    });
                }
            }
        }

        return series;
    }

    private static JsonObject Heat(ComparisonRuns runs)
    {
        var reference = FlowMatrix.MeanFinalYear(runs, 0);
        var differences = new JsonObject();
        for (int s = 1; s < runs.Scenarios.Count; s++)
        {
            var candidate = FlowMatrix.MeanFinalYear(runs, s);
            var rows = new JsonArray();
            for (int o = 0; o < reference.Origins.Count; o++)
            {
                var row = new double[reference.Destinations.Count];
                for (int h = 0; h < row.Length; h++)
                {
                    row[h] = candidate.Persons[o, h] - reference.Persons[o, h];
                }

                rows.Add(Numbers(row));
            }

            differences[runs.Scenarios[s].Name] = rows;
        }

        return new JsonObject
        {
            ["year"] = reference.Year,
            ["origins"] = Strings(reference.Origins),
            ["destinations"] = Strings(reference.Destinations),
            ["differences"] = differences,
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode?)(double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6)) : null)).ToArray());
}
