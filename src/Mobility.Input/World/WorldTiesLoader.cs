namespace Mobility.Input.World;

using Mobility.Model;
using Mobility.Model.Parameters;
using Mobility.Model.World.Ties;

/// <summary>
/// Reads <c>ties.csv</c> (<c>origin, destination, kind, year, value, unit, source, note</c>): published ties between
/// countries, each kind in its one unit. Every bad row is reported with its file and line: an unknown country or kind,
/// '*' where a pair is needed (or a pair where tuition needs '*'), origin = destination, a year outside the years a
/// scenario may cover, a value that is not a positive number, a unit other than the kind's, an empty source, a
/// repeated (origin, destination, kind, year).
/// </summary>
internal static class WorldTiesLoader
{
    public static readonly IReadOnlyList<string> Columns = ["origin", "destination", "kind", "year", "value", "unit", "source", "note"];

    public const string AllOrigins = "*";

    /// <param name="countriesKnown">False when countries.csv could not be read: codes are then not checked.</param>
    public static List<PairTie> Read(CsvTable table, List<string> problems, Func<string, int> countryIndex, bool countriesKnown)
    {
        var ties = new List<PairTie>();
        var columns = CsvSchema.Columns(table, Columns, problems);
        if (columns is null)
        {
            return ties;
        }

        var firstLine = new Dictionary<(int, int, TieKind, int), int>();
        foreach (CsvRecord record in table.Records)
        {
            if (!CsvSchema.ColumnCountOk(table, record, columns.Count, problems))
            {
                continue;
            }

            var row = new CsvRow(table, record, columns, problems);
            int before = problems.Count;
            TieKind? parsedKind = row.Code<TieKind>("kind");
            bool kindKnown = parsedKind is not null;
            TieKind kind = parsedKind.GetValueOrDefault();

            int origin = Origin(row, kindKnown, kind, countryIndex, countriesKnown);
            int destination = countryIndex(row.Raw("destination"));
            if (destination < 0 && countriesKnown)
            {
                row.Problem("destination", $"must be a country code of {WorldCsvLoader.CountriesFile}");
            }
            else if (destination >= 0 && origin == destination)
            {
                row.Problem("destination", "must differ from the origin");
            }

            int? year = row.Integer("year", SettingsValidator.MinYear, SettingsValidator.MaxYear, optional: false);
            double value = row.Number("value", 0, minExclusive: true);
            string unit = row.Raw("unit");
            if (kindKnown && unit != TieKinds.Unit(kind))
            {
                row.Problem("unit", $"must be '{TieKinds.Unit(kind)}' for kind '{EnumCodes<TieKind>.Code(kind)}' (each kind has one unit; convert the source's figure and say how in 'note')");
            }

            string source = row.Text("source");
            if (problems.Count > before || year is null || destination < 0)
            {
                continue;
            }

            var key = (origin, destination, kind, year.Value);
            if (firstLine.TryGetValue(key, out int earlier))
            {
                row.Problem($"repeats the origin, destination, kind and year of line {earlier}; give one value (a range as its midpoint, the range in 'note')");
                continue;
            }

            firstLine[key] = record.Line;
            ties.Add(new PairTie(origin, destination, kind, year.Value, value, source, row.Raw("note")));
        }

        return ties;
    }

    private static int Origin(CsvRow row, bool kindKnown, TieKind kind, Func<string, int> countryIndex, bool countriesKnown)
    {
        string text = row.Raw("origin");
        bool hostOnly = kindKnown && TieKinds.IsHostOnly(kind);
        if (text == AllOrigins)
        {
            if (kindKnown && !hostOnly)
            {
                row.Problem("origin", $"must be a country code for kind '{EnumCodes<TieKind>.Code(kind)}' ('*' is for tuition only)");
            }

            return PairTie.AllOrigins;
        }

        int origin = countryIndex(text);
        if (hostOnly)
        {
            row.Problem("origin", $"must be '*' for kind '{EnumCodes<TieKind>.Code(kind)}', which belongs to the host alone");
        }
        else if (origin < 0 && countriesKnown)
        {
            row.Problem("origin", $"must be a country code of {WorldCsvLoader.CountriesFile}");
        }

        return origin;
    }
}
