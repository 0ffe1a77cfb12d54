namespace Mobility.Input.Observations;

using Mobility.Input.World;
using Mobility.Model;
using Mobility.Model.Observations;

/// <summary>
/// Reads the observation set (<c>scenarios/observations/observations.csv</c>: <c>id, origin, destination, year,
/// academic_year, kind, measure, value, confidence, source_title, source_url, quote</c>) as it is published, every row.
/// The whole file is checked and every bad row is reported with its file and line in one <see cref="InputException"/>:
/// a missing or extra header column, a wrong number of fields, an unknown country code, kind, measure or confidence,
/// a kind that does not fit the measure, a value that is not a positive number, a year outside the given range, an
/// empty id, title or quote, a repeated id.
/// </summary>
public static class ObservationTableLoader
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "origin", "destination", "year", "academic_year", "kind", "measure", "value", "confidence", "source_title",
        "source_url", "quote",
    ];

    /// <param name="countryCodes">The country codes of the world the figures are compared with.</param>
    /// <param name="firstYear">The earliest year a figure may have (e.g. the first simulated year).</param>
    /// <param name="lastYear">The latest year a figure may have.</param>
    public static IReadOnlyList<PublishedFigure> Load(string path, IEnumerable<string> countryCodes, int firstYear, int lastYear)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"observations file '{PathDisplay.Of(path)}' not found");
        }

        return Parse(CsvReader.ReadFile(path), countryCodes, firstYear, lastYear);
    }

    public static IReadOnlyList<PublishedFigure> Parse(CsvTable table, IEnumerable<string> countryCodes, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(table);
        var countries = countryCodes.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>(table.Problems);
        var columns = CsvSchema.Columns(table, Columns, problems);
        if (columns is null)
        {
            throw new InputException(problems);
        }

        var figures = new List<PublishedFigure>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (CsvRecord record in table.Records)
        {
            if (!CsvSchema.ColumnCountOk(table, record, columns.Count, problems))
            {
                continue;
            }

            var row = new CsvRow(table, record, columns, problems);
            int before = problems.Count;
            string id = row.Text("id");
            if (id.Length > 0 && !ids.TryAdd(id, record.Line))
            {
                row.Problem("id", $"repeats the id of line {ids[id]}");
            }

            string origin = Country(row, "origin", countries);
            string destination = Country(row, "destination", countries);
            int? year = row.Integer("year", firstYear, lastYear, optional: false);
            string academicYear = row.Text("academic_year");
            FigureKind? kind = row.Code<FigureKind>("kind");
            FigureMeasure? measure = row.Code<FigureMeasure>("measure");
            if (kind is not null && measure is not null && FigureMeasures.KindOf(measure.Value) != kind)
            {
                row.Problem("kind", $"must be '{EnumCodes<FigureKind>.Code(FigureMeasures.KindOf(measure.Value))}' for measure '{EnumCodes<FigureMeasure>.Code(measure.Value)}'");
            }

            CheckSides(row, measure, origin, destination);
            double value = row.Number("value", 0, minExclusive: true);
            SourceConfidence? confidence = row.Code<SourceConfidence>("confidence");
            string title = row.Text("source_title");
            string quote = row.Text("quote");
            if (problems.Count == before)
            {
                figures.Add(new PublishedFigure(
                    id, origin, destination, year!.Value, academicYear, kind!.Value, measure!.Value, value, confidence!.Value,
                    title, row.Raw("source_url"), quote, record.Line));
            }
        }

        if (problems.Count == 0 && figures.Count == 0)
        {
            problems.Add($"{table.DisplayPath}: no observations (only a header)");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return figures;
    }

    private static string Country(CsvRow row, string column, HashSet<string> countries)
    {
        string code = row.Raw(column);
        if (code != PublishedFigure.AllCountries && !countries.Contains(code))
        {
            row.Problem(column, "must be a country code of the world (countries.csv) or '*' for all countries");
        }

        return code;
    }

    /// <summary>A whole country's enrolment is one country on both sides; anything else crosses a border.</summary>
    private static void CheckSides(CsvRow row, FigureMeasure? measure, string origin, string destination)
    {
        if (measure == FigureMeasure.TertiaryEnrolment)
        {
            if (origin != destination || origin == PublishedFigure.AllCountries)
            {
                row.Problem("destination", "must be the origin's country code for measure 'tertiary_enrolment' (all students enrolled in one country)");
            }
        }
        else if (origin == PublishedFigure.AllCountries && destination == PublishedFigure.AllCountries)
        {
            row.Problem("origin and destination must not both be '*'");
        }
        else if (measure is not null && origin == destination)
        {
            row.Problem("destination", $"must differ from the origin for measure '{EnumCodes<FigureMeasure>.Code(measure.Value)}' (students outside their own country)");
        }
    }
}
