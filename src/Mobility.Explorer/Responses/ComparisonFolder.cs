namespace Mobility.Explorer.Responses;

using System.Globalization;
using System.Text.Json.Nodes;
using Mobility.Experiments.Comparison;
using Mobility.Explorer.Candidates;
using Mobility.Input;

/// <summary>
/// An existing comparison folder (what <c>mobility compare</c> wrote, e.g. runs/compare) opened in the explorer: its
/// summary.csv read back into the effects table. Only folders under the runs folder can be opened.
/// </summary>
public static class ComparisonFolder
{
    public const string SummaryFile = "summary.csv";

    public static JsonObject Open(string runsFolder, string folder, IReadOnlyCollection<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        string root = Path.GetFullPath(runsFolder);
        string full = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? "?" : folder, Path.GetDirectoryName(root) ?? root);
        if (!(full + Path.DirectorySeparatorChar).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new RequestRejectedException([new Problem("folder", $"only comparison folders under {PathDisplay.Of(root)} can be opened (was '{folder}')")]);
        }

        string summary = Path.Combine(full, SummaryFile);
        if (!File.Exists(summary))
        {
            throw new RequestRejectedException([new Problem("folder", $"'{PathDisplay.Of(full)}' has no {SummaryFile}: open a folder written by 'mobility compare' (e.g. runs/compare)")]);
        }

        var rows = Read(summary);
        var scenarios = rows.Select(r => r.Scenario).Distinct(StringComparer.Ordinal).ToArray();
        return new JsonObject
        {
            ["folder"] = PathDisplay.Of(full),
            ["reference"] = scenarios.FirstOrDefault() ?? "",
            ["scenarios"] = new JsonArray(scenarios.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            ["effects"] = WhatIfResult.Effects(rows, members),
        };
    }

    private static List<SummaryRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? lines[0].Split(',') : [];
        int Column(string name)
        {
            int i = Array.IndexOf(header, name);
            return i >= 0 ? i : throw new RequestRejectedException([new Problem("folder", $"'{PathDisplay.Of(path)}' has no column '{name}': it is not a summary written by 'mobility compare'")]);
        }

        int scenario = Column("scenario"), country = Column("country"), metric = Column("metric"), horizon = Column("horizon"), mean = Column("mean"),
            sd = Column("sd"), low = Column("ci_low"), high = Column("ci_high"), diff = Column("diff"), diffLow = Column("diff_low"), diffHigh = Column("diff_high"),
            significant = Column("significant"), reduction = Column("variance_reduction"), year = Column("year");
        var rows = new List<SummaryRow>(lines.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            if (f.Length != header.Length)
            {
                throw new RequestRejectedException([new Problem("folder", $"'{PathDisplay.Of(path)}' line {i + 1} has {f.Length} fields, expected {header.Length}")]);
            }

            rows.Add(new SummaryRow(
                f[scenario], f[country], f[metric], f[horizon], Number(f[mean]) ?? double.NaN, Number(f[sd]) ?? double.NaN, Number(f[low]) ?? double.NaN,
                Number(f[high]) ?? double.NaN, Number(f[diff]), Number(f[diffLow]), Number(f[diffHigh]),
                f[significant].Length == 0 ? null : bool.Parse(f[significant]), Number(f[reduction]), f[year].Length == 0 ? null : int.Parse(f[year], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static double? Number(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);
}
