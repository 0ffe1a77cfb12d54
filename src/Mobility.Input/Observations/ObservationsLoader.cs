namespace Mobility.Input.Observations;

using System.Text.RegularExpressions;
using Mobility.Input.World;
using Mobility.Model.Metrics;
using Mobility.Model.Observations;

/// <summary>
/// Reads an observations CSV (columns <c>id, origin, destination, year, kind, value, source, note</c>, plus the
/// optional <c>weight</c>, <c>tolerance</c> and <c>flow_kind</c>). The whole file is checked and every bad row is
/// reported with its file, line and column in one <see cref="InputException"/>.
/// </summary>
public static partial class ObservationsLoader
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["id", "origin", "destination", "year", "kind", "value", "source"];

    public static readonly IReadOnlyList<string> OptionalColumns = ["note", "weight", "tolerance", "flow_kind"];

    /// <summary>The flow kinds an observation may name (the kinds of flows.parquet).</summary>

    public static IReadOnlyList<Observation> Load(string path)
    {
        InputFile.Require(path, "observations file", "*.csv");

        return Parse(CsvReader.ReadFile(path));
    }

    public static IReadOnlyList<Observation> Parse(CsvTable table)
    {
        var problems = new List<string>(table.Problems);
        if (table.Header is null)
        {
            throw new InputException($"{table.DisplayPath}: the file is empty; expected a header line with the columns {string.Join(", ", RequiredColumns)}");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < table.Header.Fields.Count; i++)
        {
            string name = table.Header.Fields[i].Trim();
            if (!RequiredColumns.Contains(name, StringComparer.OrdinalIgnoreCase) && !OptionalColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{table.DisplayPath}:{table.Header.Line}: unknown column '{name}'; expected {string.Join(", ", RequiredColumns)} and optionally {string.Join(", ", OptionalColumns)}");
            }
            else if (!columns.TryAdd(name, i))
            {
                problems.Add($"{table.DisplayPath}:{table.Header.Line}: column '{name}' appears twice");
            }
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{table.DisplayPath}:{table.Header.Line}: missing column(s) {string.Join(", ", missing)}");
            throw new InputException(problems);
        }

        var observations = new List<Observation>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in table.Records)
        {
            var row = new CsvRow(table, record, columns, problems);
            if (record.Fields.Count != table.Header.Fields.Count)
            {
                row.Problem($"has {record.Fields.Count} fields but the header has {table.Header.Fields.Count}");
                continue;
            }

            int before = problems.Count;
            string id = row.Text("id");
            string origin = Country(row, "origin");
            string destination = Country(row, "destination");
            int? year = row.Integer("year", 1900, 2200, optional: false);
            string kindText = row.Raw("kind");
            ObservationKind? kind = kindText.ToLowerInvariant() switch
            {
                "stock" => ObservationKind.Stock,
                "flow" => ObservationKind.Flow,
                _ => null,
            };
            if (kind is null)
            {
                row.Problem("kind", "must be 'stock' or 'flow'");
            }

            double value = row.Number("value", 0, minExclusive: true);
            double weight = row.Raw("weight").Length == 0 ? 1 : row.Number("weight", 0);
            double tolerance = row.Raw("tolerance").Length == 0 ? 0 : row.Number("tolerance", 0, 10);
            string flowKind = row.Raw("flow_kind").Length == 0 ? FlowKinds.Degree : row.Raw("flow_kind").ToLowerInvariant();
            if (!FlowKinds.All.Contains(flowKind))
            {
                row.Problem("flow_kind", $"must be empty or one of {string.Join(", ", FlowKinds.All)}");
            }
            else if (kind == ObservationKind.Stock && row.Raw("flow_kind").Length > 0)
            {
                row.Problem("flow_kind", "applies to flows only; leave it empty for a stock");
            }

            if (origin == Observation.AllCountries && destination == Observation.AllCountries)
            {
                row.Problem("origin and destination must not both be '*'");
            }
            else if (origin.Length > 0 && string.Equals(origin, destination, StringComparison.OrdinalIgnoreCase))
            {
                row.Problem($"origin and destination are both '{origin}'; observations are of students outside their own country");
            }

            if (id.Length > 0 && !ids.TryAdd(id, record.Line))
            {
                row.Problem("id", $"repeats the id of line {ids[id]}");
            }

            if (problems.Count == before)
            {
                observations.Add(new Observation(
                    id, origin, destination, year!.Value, kind!.Value, value, row.Raw("source"), row.Raw("note"), weight, tolerance, flowKind, record.Line));
            }
        }

        if (problems.Count == 0 && observations.Count == 0)
        {
            problems.Add($"{table.DisplayPath}: no observations (only a header)");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return observations;
    }

    private static string Country(CsvRow row, string column)
    {
        string code = row.Raw(column).ToUpperInvariant();
        if (code != Observation.AllCountries && !CountryCode().IsMatch(code))
        {
            row.Problem(column, "must be a three-letter ISO country code or '*' for all countries");
        }

        return code;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CountryCode();
}
