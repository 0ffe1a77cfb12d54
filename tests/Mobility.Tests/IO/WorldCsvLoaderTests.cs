namespace Mobility.Tests.IO;

using Mobility.Input;
using Mobility.Input.World;
using Mobility.Model.World;

public class WorldCsvLoaderTests
{
    [Fact]
    public void Loads_the_fixture_world()
    {
        WorldData world = WorldCsvLoader.Load(TestFiles.FixtureWorld);

        Assert.Equal(["KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "TUR"], world.Countries.Select(c => c.Code));
        Assert.Equal(5, world.MemberIndices().Count());
        Assert.Equal(12, world.Universities.Count);

        // The language registry is the sorted union of every code seen in countries and universities.
        Assert.Equal(["en", "kk", "ky", "ru", "tg", "tk", "tr", "uz"], world.Languages);
        var kaz = world.Countries[world.CountryIndex("KAZ")];
        Assert.True(kaz.Languages.Contains(world.LanguageIndex("kk")));
        Assert.True(kaz.Languages.Contains(world.LanguageIndex("ru")));
        Assert.False(kaz.Languages.Contains(world.LanguageIndex("en")));
        Assert.Equal(0.65, kaz.Hospitality);
        Assert.Equal(Region.CentralAsia, kaz.Region);
        Assert.Equal(0, world.Countries[world.CountryIndex("TJK")].InboundPool);

        var manas = world.Universities[world.UniversityIndex("KGZ-MANAS")];
        Assert.Equal("Kyrgyz-Turkish \"Manas\" University, Bishkek", manas.Name);
        Assert.Equal(world.CountryIndex("KGZ"), manas.Country);
        Assert.Equal(1201, manas.QsRank);
        Assert.Equal(Indicators.Count, manas.Indicators.Count);
        Assert.Equal(60, manas.Indicators[(int)Indicator.FacultyStudent]);
        Assert.False(manas.IsAggregate);

        var nu = world.Universities[world.UniversityIndex("KAZ-NU")];
        Assert.Null(nu.QsRank);
        Assert.True(world.Universities[world.UniversityIndex("KAZ-OTHER")].IsAggregate);

        int k = world.CountryIndex("KAZ");
        int r = world.CountryIndex("RUS");
        Assert.Equal(0.4, world.VisaBarrier[k, r]);
        Assert.Equal(0.5, world.BaselineImage[k, r]);
        Assert.True(world.Agreement[k, r]);
        Assert.False(world.Agreement[r, k]);
        Assert.Equal(0, world.VisaBarrier[k, k]);
        Assert.Equal(1, world.BaselineImage[k, k]);
        Assert.True(world.Agreement[k, k]);
        Assert.True(world.DistanceKm[k, r] > 2000);
    }

    [Fact]
    public void Loads_the_project_world_when_present()
    {
        if (!TestFiles.ProjectWorldPresent)
        {
            return;
        }

        WorldData world = WorldCsvLoader.Load(TestFiles.ProjectWorld);
        Assert.Equal(5, world.MemberIndices().Count());
        Assert.All(world.MemberIndices(), i => Assert.Contains(world.Countries[i].Code, new[] { "KAZ", "KGZ", "TJK", "TKM", "UZB" }));
        Assert.True(world.Universities.Count > 40);

        // The countries the observations name beyond the first release, each with its aggregate row and every pair.
        foreach (string code in new[] { "UKR", "LTU", "LVA" })
        {
            int c = world.CountryIndex(code);
            Assert.True(c >= 0, code);
            Assert.Contains(world.Universities, u => u.Country == c && u.IsAggregate);
        }

        Assert.Equal(world.Countries.Count * (world.Countries.Count - 1), File.ReadAllLines(Path.Combine(TestFiles.ProjectWorld, "pairs.csv")).Length - 1);
    }

    [Fact]
    public void Reports_every_problem_with_file_line_and_column()
    {
        using var temp = new TempFolder();
        string folder = TestFiles.CopyWorld(temp.File("world"));
        string universities = Path.Combine(folder, "universities.csv");
        string countries = Path.Combine(folder, "countries.csv");
        string pairs = Path.Combine(folder, "pairs.csv");
        TestFiles.SetCell(universities, "KAZ-NU", "capacity", "-5");
        TestFiles.SetCell(universities, "TJK-TNU", "foreign_seats", "40000");
        TestFiles.SetCell(universities, "TKM-TSU", "country", "XXX");
        TestFiles.SetCell(universities, "UZB-NUUZ", "citations", "101");
        TestFiles.SetCell(universities, "RUS-MSU", "staff", "many");
        TestFiles.SetCell(universities, "TUR-METU", "id", "KAZ-NU");
        TestFiles.SetCell(countries, "KGZ", "hospitality", "1.5");
        TestFiles.SetCell(countries, "TUR", "region", "Europe");
        TestFiles.SetCell(pairs, "KAZ", "visa_barrier", "2");
        File.WriteAllLines(pairs, File.ReadAllLines(pairs).Where(l => !l.StartsWith("UZB,TUR,", StringComparison.Ordinal)));
        File.AppendAllText(pairs, "TJK,RUS,0.1\n");

        var ex = Assert.Throws<InputException>(() => WorldCsvLoader.Load(folder));
        string Location(string path, string key) => $"{PathDisplay.Of(path)}:{TestFiles.LineOf(path, key)}:";

        AssertHas(ex, Location(universities, "KAZ-NU"), "column 'capacity' must be a number >= 0 (was '-5')");
        AssertHas(ex, Location(universities, "TJK-TNU"), "column 'foreign_seats' must be <= capacity");
        AssertHas(ex, Location(universities, "TKM-TSU"), "column 'country' must be a country code from countries.csv (was 'XXX')");
        AssertHas(ex, Location(universities, "UZB-NUUZ"), "column 'citations' must be a number between 0 and 100 (was '101')");
        AssertHas(ex, Location(universities, "RUS-MSU"), "column 'staff' must be a number >= 0 (was 'many')");
        AssertHas(ex, "universities.csv:", "column 'id' must be unique");
        AssertHas(ex, Location(countries, "KGZ"), "column 'hospitality' must be a number between 0 and 1 (was '1.5')");
        AssertHas(ex, Location(countries, "TUR"), "column 'region' must be CentralAsia or External (was 'Europe')");
        AssertHas(ex, Location(pairs, "KAZ"), "column 'visa_barrier' must be a number between 0 and 1 (was '2')");
        AssertHas(ex, "pairs.csv:", "expected 5 columns as in the header but found 3");
        AssertHas(ex, "pairs.csv", "missing 1 row(s)", "UZB-TUR");
    }

    [Fact]
    public void Reports_a_wrong_header()
    {
        using var temp = new TempFolder();
        string folder = TestFiles.CopyWorld(temp.File("world"));
        string path = Path.Combine(folder, "pairs.csv");
        var lines = File.ReadAllLines(path);
        lines[0] = "origin,destination,visa,baseline_image,agreement";
        File.WriteAllLines(path, lines);

        var ex = Assert.Throws<InputException>(() => WorldCsvLoader.Load(folder));
        AssertHas(ex, "pairs.csv:1:", "wrong header", "unexpected column 'visa'", "column 'visa_barrier' is missing");
    }

    [Fact]
    public void Reports_missing_files_and_folders()
    {
        using var temp = new TempFolder();
        string folder = TestFiles.CopyWorld(temp.File("world"));
        File.Delete(Path.Combine(folder, "pairs.csv"));

        var ex = Assert.Throws<InputException>(() => WorldCsvLoader.Load(folder));
        AssertHas(ex, "pairs.csv", "file not found");

        var missing = Assert.Throws<InputException>(() => WorldCsvLoader.Load(temp.File("nowhere")));
        AssertHas(missing, "world folder", "nowhere", "does not exist");
    }

    [Fact]
    public void Aggregate_rows_must_match_their_country_and_not_be_ranked()
    {
        using var temp = new TempFolder();
        string folder = TestFiles.CopyWorld(temp.File("world"));
        string universities = Path.Combine(folder, "universities.csv");
        TestFiles.SetCell(universities, "KAZ-OTHER", "qs_rank", "900");
        TestFiles.SetCell(universities, "KGZ-OTHER", "country", "TJK");

        var ex = Assert.Throws<InputException>(() => WorldCsvLoader.Load(folder));
        AssertHas(ex, "column 'qs_rank' must be empty for an aggregate");
        AssertHas(ex, "column 'id' of an aggregate row must be 'TJK-OTHER'");
    }

    [Fact]
    public void Csv_reader_handles_quotes_line_endings_comments_and_reports_unclosed_quotes()
    {
        var table = CsvReader.Parse("\uFEFFa,b,c\r\n# comment\r\n\r\n1,\"x, \"\"y\"\"\",3\r\n2,\"multi\nline\",  4  \n5,,\n", "t.csv");
        Assert.Empty(table.Problems);
        Assert.Equal(["a", "b", "c"], table.Header!.Fields);
        Assert.Equal(3, table.Records.Count);
        Assert.Equal(4, table.Records[0].Line);
        Assert.Equal(["1", "x, \"y\"", "3"], table.Records[0].Fields);
        Assert.Equal(5, table.Records[1].Line);
        Assert.Equal(["2", "multi\nline", "4"], table.Records[1].Fields);
        Assert.Equal(7, table.Records[2].Line);
        Assert.Equal(["5", "", ""], table.Records[2].Fields);

        var broken = CsvReader.Parse("a,b\n1,\"open\n2,3\n", "b.csv");
        Assert.Contains(broken.Problems, p => p.StartsWith("b.csv:2:", StringComparison.Ordinal) && p.Contains("not closed", StringComparison.Ordinal));
    }

    private static void AssertHas(InputException ex, params string[] parts) => TestFiles.AssertProblem(ex, parts);
}
