namespace Mobility.Input.World;

using System.Text.RegularExpressions;
using Mobility.Model.World;
using Mobility.Model.World.Series;

/// <summary>
/// Loads the world from <c>countries.csv</c>, <c>universities.csv</c>, <c>pairs.csv</c>, <c>series.csv</c> (what
/// changes by year, <see cref="WorldSeriesLoader"/>) and <c>ties.csv</c> (ties between countries,
/// <see cref="WorldTiesLoader"/>) in a folder. Every file is
/// checked completely and every problem is reported (file, line, column, what was expected, what was found) in one
/// <see cref="InputException"/>.
/// </summary>
public static partial class WorldCsvLoader
{
    public const string CountriesFile = "countries.csv";
    public const string UniversitiesFile = "universities.csv";
    public const string PairsFile = "pairs.csv";
    public const string SeriesFile = "series.csv";
    public const string TiesFile = "ties.csv";

    /// <summary>The files a world folder consists of (hashed in run manifests).</summary>
    public static readonly IReadOnlyList<string> FileNames = [CountriesFile, UniversitiesFile, PairsFile, SeriesFile, TiesFile];

    public static readonly IReadOnlyList<string> CountryColumns =
    [
        "code", "name", "region", "population", "tertiary_enrolment", "gdp_per_capita_ppp", "wage_index", "languages",
        "capital_lat", "capital_lon", "hospitality", "post_study_work", "living_cost_usd", "ca_inbound_pool",
    ];

    /// <summary>The nine indicator columns, in <see cref="Indicator"/> order.</summary>
    public static readonly IReadOnlyList<string> IndicatorColumns =
    [
        "academic_reputation", "employer_reputation", "faculty_student", "citations", "intl_faculty", "intl_students",
        "intl_research_network", "employment_outcomes", "sustainability",
    ];

    public static readonly IReadOnlyList<string> UniversityColumns =
    [
        "id", "name", "country", "capacity", "foreign_seats", "tuition_usd", "languages", "staff", "qs_rank",
        .. IndicatorColumns,
    ];

    public static readonly IReadOnlyList<string> PairColumns = ["origin", "destination", "visa_barrier", "baseline_image", "agreement"];

    /// <summary>The suffix of a country's aggregate "other institutions" row (<c>ISO3-OTHER</c>).</summary>
    public const string AggregateSuffix = "-OTHER";

    public const int MaxLanguages = 64;

    public static WorldData Load(string folder)
    {
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new InputException($"world folder '{PathDisplay.Of(full)}' does not exist");
        }

        var problems = new List<string>();
        CsvTable? countriesTable = CsvSchema.Read(Path.Combine(full, CountriesFile), problems);
        CsvTable? universitiesTable = CsvSchema.Read(Path.Combine(full, UniversitiesFile), problems);
        CsvTable? pairsTable = CsvSchema.Read(Path.Combine(full, PairsFile), problems);
        CsvTable? seriesTable = CsvSchema.Read(Path.Combine(full, SeriesFile), problems);
        CsvTable? tiesTable = CsvSchema.Read(Path.Combine(full, TiesFile), problems);

        var countryRows = new List<CountryRow>();
        var codes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        bool countriesUsable = countriesTable is not null && ReadCountries(countriesTable, problems, countryRows, codes);

        var universityRows = new List<UniversityRow>();
        if (universitiesTable is not null)
        {
            ReadUniversities(universitiesTable, problems, universityRows, codes, countriesUsable);
        }

        int n = countryRows.Count;
        var visa = new double[n, n];
        var image = new double[n, n];
        var agreement = new bool[n, n];
        if (pairsTable is not null)
        {
            ReadPairs(pairsTable, problems, codes, countriesUsable, visa, image, agreement);
        }

        int CountryIndex(string code) => codes.TryGetValue(code, out int index) ? index : -1;
        var universityIds = universityRows.Select((u, index) => (u.Id, index)).DistinctBy(u => u.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(u => u.Id, u => u.index, StringComparer.OrdinalIgnoreCase);
        var seriesPoints = seriesTable is null
            ? []
            : WorldSeriesLoader.Read(seriesTable, problems, CountryIndex, id => universityIds.GetValueOrDefault(id, -1), countriesUsable && universitiesTable is not null);
        var ties = tiesTable is null ? [] : WorldTiesLoader.Read(tiesTable, problems, CountryIndex, countriesUsable);
        if (seriesTable is not null && countriesUsable)
        {
            WorldSeriesLoader.CheckImmigrantStocks(seriesTable, seriesPoints, ties, countryRows.Select(c => c.Code).ToArray(), problems);
        }

        var languages = countryRows.SelectMany(c => c.Languages)
            .Concat(universityRows.SelectMany(u => u.Languages))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (languages.Length > MaxLanguages)
        {
            problems.Add($"{PathDisplay.Of(full)}: the world uses {languages.Length} language codes; at most {MaxLanguages} are supported");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var languageIndex = languages.Select((code, index) => (code, index)).ToDictionary(x => x.code, x => x.index, StringComparer.Ordinal);
        LanguageSet ToSet(IEnumerable<string> codeList) => codeList.Aggregate(LanguageSet.Empty, (set, code) => set.With(languageIndex[code]));

        var countries = countryRows.Select(c => new Country(
            c.Code, c.Name, c.Region, c.Population, c.TertiaryEnrolment, c.GdpPerCapitaPpp, c.WageIndex, ToSet(c.Languages),
            c.Latitude, c.Longitude, c.Hospitality, c.PostStudyWork, c.LivingCostUsd, c.InboundPool)).ToArray();
        var universities = universityRows.Select(u => new University(
            u.Id, u.Name, u.Country, u.Capacity, u.ForeignSeats, u.TuitionUsd, ToSet(u.Languages), u.Staff, u.QsRank,
            u.Indicators, u.IsAggregate)).ToArray();

        for (int i = 0; i < n; i++)
        {
            visa[i, i] = 0;
            image[i, i] = 1;
            agreement[i, i] = true;
        }

        return new WorldData(countries, universities, languages, visa, image, agreement, new WorldSeries(seriesPoints), ties);
    }

    private static bool ReadCountries(CsvTable table, List<string> problems, List<CountryRow> rows, Dictionary<string, int> codes)
    {
        var columns = CsvSchema.Columns(table, CountryColumns, problems);
        if (columns is null)
        {
            return false;
        }

        foreach (CsvRecord record in table.Records)
        {
            var row = new CsvRow(table, record, columns, problems);
            if (!CsvSchema.ColumnCountOk(table, record, columns.Count, problems))
            {
                // Keep the code so that other files do not report it as unknown.
                string code = row.Raw("code");
                if (code.Length > 0 && !codes.ContainsKey(code))
                {
                    codes[code] = -1;
                }

                continue;
            }

            var c = new CountryRow { Code = row.Text("code") };
            if (c.Code.Length > 0 && !CountryCodePattern().IsMatch(c.Code))
            {
                row.Problem("code", "must be an ISO 3166-1 alpha-3 code of three capital letters");
            }
            else if (c.Code.Length > 0 && !codes.TryAdd(c.Code, rows.Count))
            {
                row.Problem("code", "must be unique; this code appears on an earlier line");
            }

            c.Name = row.Text("name");
            string region = row.Raw("region");
            if (string.Equals(region, nameof(Region.CentralAsia), StringComparison.OrdinalIgnoreCase))
            {
                c.Region = Region.CentralAsia;
            }
            else if (string.Equals(region, nameof(Region.External), StringComparison.OrdinalIgnoreCase))
            {
                c.Region = Region.External;
            }
            else
            {
                row.Problem("region", "must be CentralAsia or External");
            }

            c.Population = row.Number("population", 0);
            c.TertiaryEnrolment = row.Number("tertiary_enrolment", 0);
            c.GdpPerCapitaPpp = row.Number("gdp_per_capita_ppp", 0);
            c.WageIndex = row.Number("wage_index", 0, minExclusive: true);
            c.Languages = Languages(row);
            c.Latitude = row.Number("capital_lat", -90, 90);
            c.Longitude = row.Number("capital_lon", -180, 180);
            c.Hospitality = row.Number("hospitality", 0, 1);
            c.PostStudyWork = row.Number("post_study_work", 0, 1);
            c.LivingCostUsd = row.Number("living_cost_usd", 0);
            c.InboundPool = row.Raw("ca_inbound_pool").Length == 0 ? 0 : row.Number("ca_inbound_pool", 0);
            rows.Add(c);
        }

        if (table.Records.Count == 0)
        {
            problems.Add($"{table.DisplayPath}: no countries (the file has only a header)");
        }

        return true;
    }

    private static void ReadUniversities(
        CsvTable table, List<string> problems, List<UniversityRow> rows, Dictionary<string, int> codes, bool countriesUsable)
    {
        var columns = CsvSchema.Columns(table, UniversityColumns, problems);
        if (columns is null)
        {
            return;
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var aggregateLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (CsvRecord record in table.Records)
        {
            if (!CsvSchema.ColumnCountOk(table, record, columns.Count, problems))
            {
                continue;
            }

            var row = new CsvRow(table, record, columns, problems);
            var u = new UniversityRow { Id = row.Text("id") };
            if (u.Id.Length > 0 && !ids.Add(u.Id))
            {
                row.Problem("id", "must be unique; this id appears on an earlier line");
            }

            u.Name = row.Text("name");
            string country = row.Raw("country");
            if (codes.TryGetValue(country, out int countryIndex))
            {
                u.Country = countryIndex;
            }
            else if (countriesUsable)
            {
                row.Problem("country", $"must be a country code from {CountriesFile}");
            }

            u.Capacity = row.Number("capacity", 0);
            double foreignSeats = row.Number("foreign_seats", 0);
            if (double.IsFinite(foreignSeats) && double.IsFinite(u.Capacity) && foreignSeats > u.Capacity)
            {
                row.Problem("foreign_seats", $"must be <= capacity ({row.Raw("capacity")})");
            }

            u.ForeignSeats = foreignSeats;
            u.TuitionUsd = row.Number("tuition_usd", 0);
            u.Languages = Languages(row);
            u.Staff = row.Number("staff", 0);
            u.QsRank = row.Integer("qs_rank", 1, int.MaxValue, optional: true);
            u.Indicators = IndicatorColumns.Select(column => row.Number(column, 0, 100)).ToArray();

            u.IsAggregate = u.Id.EndsWith(AggregateSuffix, StringComparison.OrdinalIgnoreCase);
            if (u.IsAggregate)
            {
                string prefix = u.Id[..^AggregateSuffix.Length];
                if (!string.Equals(prefix, country, StringComparison.OrdinalIgnoreCase))
                {
                    row.Problem("id", $"of an aggregate row must be '{country}{AggregateSuffix}' (the row's country followed by {AggregateSuffix})");
                }
                else if (aggregateLine.TryGetValue(country, out int earlier))
                {
                    row.Problem("id", $"duplicates the aggregate row of {country} on line {earlier}");
                }
                else
                {
                    aggregateLine[country] = record.Line;
                }

                if (u.QsRank is not null)
                {
                    row.Problem("qs_rank", "must be empty for an aggregate ('other institutions') row, which is never ranked");
                }
            }

            rows.Add(u);
        }
    }

    private static void ReadPairs(
        CsvTable table, List<string> problems, Dictionary<string, int> codes, bool countriesUsable,
        double[,] visa, double[,] image, bool[,] agreement)
    {
        var columns = CsvSchema.Columns(table, PairColumns, problems);
        if (columns is null)
        {
            return;
        }

        int n = visa.GetLength(0);
        var seenLine = new int[n, n];
        foreach (CsvRecord record in table.Records)
        {
            var row = new CsvRow(table, record, columns, problems);
            bool complete = CsvSchema.ColumnCountOk(table, record, columns.Count, problems);
            int o = PairCountry(row, "origin", codes, countriesUsable && complete);
            int h = PairCountry(row, "destination", codes, countriesUsable && complete);
            bool known = o >= 0 && h >= 0;
            if (known && o == h)
            {
                row.Problem("destination", "must differ from the origin (the diagonal is implied: visa 0, image 1, agreement)");
                continue;
            }

            if (known && seenLine[o, h] > 0)
            {
                row.Problem($"duplicate row for origin '{row.Raw("origin")}', destination '{row.Raw("destination")}' (first on line {seenLine[o, h]})");
                continue;
            }

            if (known)
            {
                seenLine[o, h] = record.Line;
            }

            if (!complete)
            {
                continue;
            }

            double v = row.Number("visa_barrier", 0, 1);
            double b = row.Number("baseline_image", 0, 1);
            string a = row.Raw("agreement");
            if (a != "0" && a != "1")
            {
                row.Problem("agreement", "must be 0 or 1");
            }

            if (known)
            {
                visa[o, h] = v;
                image[o, h] = b;
                agreement[o, h] = a == "1";
            }
        }

        if (!countriesUsable)
        {
            return;
        }

        string[] byIndex = new string[n];
        foreach (var (code, index) in codes)
        {
            if (index >= 0)
            {
                byIndex[index] = code;
            }
        }

        var missing = new List<string>();
        for (int o = 0; o < n; o++)
        {
            for (int h = 0; h < n; h++)
            {
                if (o != h && seenLine[o, h] == 0 && byIndex[o] is not null && byIndex[h] is not null)
                {
                    missing.Add($"{byIndex[o]}-{byIndex[h]}");
                }
            }
        }

        const int Shown = 12;
        if (missing.Count > 0)
        {
            string list = string.Join(", ", missing.Take(Shown)) + (missing.Count > Shown ? $", ... ({missing.Count - Shown} more)" : "");
            problems.Add($"{table.DisplayPath}: missing {missing.Count} row(s) for ordered country pairs (origin-destination): {list}; every ordered pair of distinct countries needs a row");
        }
    }

    private static int PairCountry(CsvRow row, string column, Dictionary<string, int> codes, bool report)
    {
        if (codes.TryGetValue(row.Raw(column), out int index))
        {
            return index;
        }

        if (report)
        {
            row.Problem(column, $"must be a country code from {CountriesFile}");
        }

        return -1;
    }

    private static string[] Languages(CsvRow row)
    {
        string raw = row.Raw("languages");
        string[] codes = raw.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (codes.Length == 0 || codes.Any(code => !LanguageCodePattern().IsMatch(code)))
        {
            row.Problem("languages", "must be one or more ISO 639-1 language codes separated by ';' (e.g. 'ru;kk')");
            return [];
        }

        return codes;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CountryCodePattern();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCodePattern();

    private sealed class CountryRow
    {
        public string Code { get; set; } = "";

        public string Name { get; set; } = "";

        public Region Region { get; set; }

        public double Population { get; set; }

        public double TertiaryEnrolment { get; set; }

        public double GdpPerCapitaPpp { get; set; }

        public double WageIndex { get; set; }

        public string[] Languages { get; set; } = [];

        public double Latitude { get; set; }

        public double Longitude { get; set; }

        public double Hospitality { get; set; }

        public double PostStudyWork { get; set; }

        public double LivingCostUsd { get; set; }

        public double InboundPool { get; set; }
    }

    private sealed class UniversityRow
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public int Country { get; set; } = -1;

        public double Capacity { get; set; }

        public double ForeignSeats { get; set; }

        public double TuitionUsd { get; set; }

        public string[] Languages { get; set; } = [];

        public double Staff { get; set; }

        public int? QsRank { get; set; }

        public double[] Indicators { get; set; } = [];

        public bool IsAggregate { get; set; }
    }
}
