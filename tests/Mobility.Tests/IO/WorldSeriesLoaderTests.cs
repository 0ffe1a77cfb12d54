namespace Mobility.Tests.IO;

using Mobility.Input;
using Mobility.Input.World;
using Mobility.Model.World;
using Mobility.Model.World.Series;

public class WorldSeriesLoaderTests
{
    private static int Points(WorldData world)
        => Enum.GetValues<SeriesVariable>().Sum(v => world.Series.Entities(v).Sum(e => world.Series.Points(e, v).Count));

    [Fact]
    public void The_fixture_series_load_for_every_kind_of_entity()
    {
        WorldData world = WorldCsvLoader.Load(TestFiles.FixtureWorld);

        Assert.Equal(TestFiles.DataLines(Path.Combine(TestFiles.FixtureWorld, "series.csv")), Points(world));
        Assert.Equal(550000, world.ValueAt("UZB", SeriesVariable.TertiaryEnrolment, 2019));
        Assert.Equal(300000, world.ValueAt("UZB", SeriesVariable.TertiaryEnrolment, 2010));
        Assert.Equal(1300000, world.ValueAt("UZB", SeriesVariable.TertiaryEnrolment, 2030));
        Assert.Equal(710, world.ValueAt("TJK-RUS", SeriesVariable.ScholarshipQuota, 2021));
        Assert.Equal(710, world.ScholarshipQuota(world.CountryIndex("TJK"), world.CountryIndex("RUS"), 2021));
        Assert.Null(world.ScholarshipQuota(world.CountryIndex("RUS"), world.CountryIndex("TJK"), 2021));
        Assert.Equal(200, world.ValueAt("KAZ-NU", SeriesVariable.ForeignSeats, 2025));
        Assert.Equal(SeriesEntity.University(world.UniversityIndex("KAZ-NU")), world.SeriesEntityOf("KAZ-NU"));
        Assert.Throws<KeyNotFoundException>(() => world.ValueAt("XXX", SeriesVariable.TertiaryEnrolment, 2020));
    }

    [Fact]
    public void The_shipped_series_load_every_row()
    {
        WorldData world = WorldCsvLoader.Load(TestFiles.ProjectWorld);

        Assert.Equal(TestFiles.DataLines(Path.Combine(TestFiles.ProjectWorld, "series.csv")), Points(world));

        // Ukraine admits foreign students until 2021 and none from 2022.
        Assert.Equal([1.0, 1.0, 0.0, 0.0], new[] { 2015, 2021, 2022, 2040 }.Select(y => world.ValueAt("UKR", SeriesVariable.ForeignEntryOpen, y)));

        // Kazakhstan's enrolment between two given years, and Uzbekistan's growth.
        Assert.Equal((542457 + 576557) / 2.0, world.ValueAt("KAZ", SeriesVariable.TertiaryEnrolment, 2019));
        Assert.True(world.ValueAt("UZB", SeriesVariable.TertiaryEnrolment, 2024) > 4 * world.ValueAt("UZB", SeriesVariable.TertiaryEnrolment, 2015));

        // Russia's quota for Uzbekistan: flat before 2016 and after 2024.
        int uzb = world.CountryIndex("UZB");
        int rus = world.CountryIndex("RUS");
        Assert.Equal(142, world.ScholarshipQuota(uzb, rus, 2010));
        Assert.Equal(750, world.ScholarshipQuota(uzb, rus, 2022));
        Assert.Equal(800, world.ScholarshipQuota(uzb, rus, 2035));

        // Kazakhstan's foreign seats roughly double from 2018 to 2024, ending at the seats of universities.csv.
        double seats2024 = world.Universities.Where(u => u.Country == world.CountryIndex("KAZ")).Sum(u => u.ForeignSeats);
        Assert.Equal(seats2024, world.ValueAt("KAZ", SeriesVariable.ForeignSeats, 2024));
        Assert.InRange(world.ValueAt("KAZ", SeriesVariable.ForeignSeats, 2024) / world.ValueAt("KAZ", SeriesVariable.ForeignSeats, 2018), 1.8, 2.2);

        // Every country has the immigrant stock the diaspora imputation needs.
        Assert.All(Enumerable.Range(0, world.Countries.Count), c => Assert.True(world.Series.Has(SeriesEntity.Country(c), SeriesVariable.ImmigrantStock)));
    }

    [Fact]
    public void Bad_rows_are_reported_with_file_and_line()
    {
        using var temp = new TempFolder();
        var (ex, first) = TestFiles.LoadWorldWithRows(temp, "series.csv",
        [
            "XXX,tertiary_enrolment,2020,5,s",
            "UZB,tertiary_enrollment,2020,5,s",
            "UZB,scholarship_quota,2020,5,s",
            "UZB,tertiary_enrolment,2020,many,s",
            "UKR-RUS,foreign_entry_open,2020,1,s",
            "TKM,foreign_entry_open,2023,2,s",
            "UZB,tertiary_enrolment,2021,810000,s",
            "UZB,tertiary_enrolment,1800,5,s",
            "UZB,tertiary_enrolment,2030,5,",
            "UZB,tertiary_enrolment,2031",
        ]);
        string at(int k) => $"series.csv:{first + k}: ";

        TestFiles.AssertProblem(ex, at(0) + "column 'entity' must be a country code of countries.csv, two of them joined by '-'", "(was 'XXX')");
        TestFiles.AssertProblem(ex, at(1) + "column 'variable' must be one of tertiary_enrolment, foreign_seats", "(was 'tertiary_enrollment')");
        TestFiles.AssertProblem(ex, at(2) + "column 'entity' is a country (e.g. 'KAZ'), but 'scholarship_quota' applies to a pair of countries (e.g. 'UZB-RUS')");
        TestFiles.AssertProblem(ex, at(3) + "column 'value' must be a number >= 0 (was 'many')");
        TestFiles.AssertProblem(ex, at(4) + "column 'entity' must be a country code", "(was 'UKR-RUS')");
        TestFiles.AssertProblem(ex, at(5) + "column 'value' must be a number between 0 and 1 (was '2')");
        TestFiles.AssertProblem(ex, at(6) + "repeats the entity 'UZB', variable 'tertiary_enrolment' and year 2021 of line 4");
        TestFiles.AssertProblem(ex, at(7) + "column 'year' must be a whole number between 1950 and 2200 (was '1800')");
        TestFiles.AssertProblem(ex, at(8) + "column 'source' must not be empty");
        TestFiles.AssertProblem(ex, at(9) + "expected 5 columns as in the header but found 3");
        Assert.Equal(10, ex.Problems.Count);
    }

    [Fact]
    public void A_wrong_header_a_missing_file_and_a_missing_immigrant_stock_are_reported()
    {
        using var temp = new TempFolder();
        string folder = TestFiles.CopyWorld(temp.File("world"));
        string series = Path.Combine(folder, "series.csv");
        File.WriteAllLines(series, File.ReadAllLines(series).Select(l => l.Replace("entity,variable,year,value,source", "entity,variable,year,value", StringComparison.Ordinal)));
        var header = Assert.Throws<InputException>(() => WorldCsvLoader.Load(folder));
        TestFiles.AssertProblem(header, "series.csv:2: wrong header (column 'source' is missing)");

        File.WriteAllLines(series, ["entity,variable,year,value,source", "RUS,immigrant_stock,2020,11637000,s"]);
        var stocks = Assert.Throws<InputException>(() => WorldCsvLoader.Load(folder));
        TestFiles.AssertProblem(stocks, "series.csv: no 'immigrant_stock' row for KAZ, KGZ, TJK, TKM, UZB, TUR");

        File.Delete(series);
        var missing = Assert.Throws<InputException>(() => WorldCsvLoader.Load(folder));
        TestFiles.AssertProblem(missing, "series.csv: file not found");
    }
}
