namespace Mobility.Input.World;

using Mobility.Model;
using Mobility.Model.Parameters;
using Mobility.Model.World.Series;
using Mobility.Model.World.Ties;

/// <summary>
/// Reads <c>series.csv</c> (<c>entity, variable, year, value, source</c>): what changes in the world by year. Every
/// bad row is reported with its file and line: an unknown entity or variable, a variable given for the wrong kind of
/// entity, a year outside the years a scenario may cover, a value that is not a number in the variable's range, an
/// empty source, a repeated (entity, variable, year).
/// </summary>
internal static class WorldSeriesLoader
{
    public static readonly IReadOnlyList<string> Columns = ["entity", "variable", "year", "value", "source"];

    /// <param name="entitiesKnown">False when countries or universities could not be read: entities are then not checked.</param>
    public static List<(SeriesEntity Entity, SeriesVariable Variable, SeriesPoint Point)> Read(
        CsvTable table, List<string> problems, Func<string, int> countryIndex, Func<string, int> universityIndex, bool entitiesKnown)
    {
        var points = new List<(SeriesEntity, SeriesVariable, SeriesPoint)>();
        var columns = CsvSchema.Columns(table, Columns, problems);
        if (columns is null)
        {
            return points;
        }

        var firstLine = new Dictionary<(SeriesEntity, SeriesVariable, int), int>();
        foreach (CsvRecord record in table.Records)
        {
            if (!CsvSchema.ColumnCountOk(table, record, columns.Count, problems))
            {
                continue;
            }

            var row = new CsvRow(table, record, columns, problems);
            int before = problems.Count;
            SeriesEntity? entity = Entity(row, countryIndex, universityIndex, entitiesKnown);
            SeriesVariable? variable = row.Code<SeriesVariable>("variable");
            SeriesVariableInfo? info = variable is SeriesVariable v ? SeriesVariables.Of(v) : null;
            if (info is not null && entity is SeriesEntity e && (info.Entities & e.Kind) == 0)
            {
                row.Problem("entity", $"is {Describe(e.Kind)}, but '{info.Code}' applies to {Describe(info.Entities)}");
            }

            int? year = row.Integer("year", SettingsValidator.MinYear, SettingsValidator.MaxYear, optional: false);
            double value = info is null ? double.NaN : row.Number("value", info.Min, info.Max);
            row.Text("source");
            if (problems.Count > before || entity is null || info is null || year is null)
            {
                continue;
            }

            var key = (entity.Value, info.Variable, year.Value);
            if (firstLine.TryGetValue(key, out int earlier))
            {
                row.Problem($"repeats the entity '{row.Raw("entity")}', variable '{info.Code}' and year {year} of line {earlier}; give one value per year");
                continue;
            }

            firstLine[key] = record.Line;
            points.Add((entity.Value, info.Variable, new SeriesPoint(year.Value, value)));
        }

        return points;
    }

    /// <summary>
    /// The diaspora imputation of ties.csv weighs destinations by their immigrant stock: when ties.csv has a migrant
    /// stock, every country needs an <c>immigrant_stock</c> row.
    /// </summary>
    public static void CheckImmigrantStocks(
        CsvTable table, IReadOnlyList<(SeriesEntity Entity, SeriesVariable Variable, SeriesPoint Point)> points,
        IReadOnlyList<PairTie> ties, IReadOnlyList<string> countryCodes, List<string> problems)
    {
        if (!ties.Any(t => t.Kind == TieKind.MigrantStock))
        {
            return;
        }

        var covered = points.Where(p => p.Variable == SeriesVariable.ImmigrantStock && p.Entity.Kind == SeriesEntityKind.Country)
            .Select(p => p.Entity.First)
            .ToHashSet();
        var missing = countryCodes.Where((_, index) => !covered.Contains(index)).ToArray();
        if (missing.Length > 0)
        {
            string variable = EnumCodes<SeriesVariable>.Code(SeriesVariable.ImmigrantStock);
            problems.Add($"{table.DisplayPath}: no '{variable}' row for {string.Join(", ", missing)}; the migrant stocks of {WorldCsvLoader.TiesFile} are imputed with every country's immigrant stock, so each country needs one");
        }
    }

    private static SeriesEntity? Entity(CsvRow row, Func<string, int> countryIndex, Func<string, int> universityIndex, bool entitiesKnown)
    {
        string text = row.Raw("entity");
        if (SeriesEntity.TryParse(text, countryIndex, universityIndex, out SeriesEntity entity, out bool ambiguous))
        {
            return entity;
        }

        if (ambiguous)
        {
            row.Problem("entity", "is both a pair of country codes and a university id; rename the university in universities.csv");
        }
        else if (entitiesKnown)
        {
            row.Problem("entity", $"must be a country code of {WorldCsvLoader.CountriesFile}, two of them joined by '-' (origin-destination, e.g. 'UZB-RUS') or a university id of {WorldCsvLoader.UniversitiesFile}");
        }

        return null;
    }

    private static string Describe(SeriesEntityKind kinds)
    {
        var names = new List<string>();
        if (kinds.HasFlag(SeriesEntityKind.Country))
        {
            names.Add("a country (e.g. 'KAZ')");
        }

        if (kinds.HasFlag(SeriesEntityKind.Pair))
        {
            names.Add("a pair of countries (e.g. 'UZB-RUS')");
        }

        if (kinds.HasFlag(SeriesEntityKind.University))
        {
            names.Add("a university (e.g. 'KAZ-NU')");
        }

        return string.Join(" or ", names);
    }
}
