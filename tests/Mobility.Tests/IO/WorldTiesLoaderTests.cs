namespace Mobility.Tests.IO;

using Mobility.Input;
using Mobility.Input.World;
using Mobility.Model.World;
using Mobility.Model.World.Ties;

public class WorldTiesLoaderTests
{
    [Fact]
    public void The_shipped_ties_load_every_row_with_typed_lookups()
    {
        WorldData world = WorldCsvLoader.Load(TestFiles.ProjectWorld);
        int C(string code) => world.CountryIndex(code);

        Assert.Equal(TestFiles.DataLines(Path.Combine(TestFiles.ProjectWorld, "ties.csv")), world.Ties.Rows.Count);
        Assert.Equal(new TieValue(1039000, 2025, false), world.Ties.CoEthnicPopulation(C("UZB"), C("KGZ")));
        Assert.Equal(new TieValue(120300, 2024, false), world.Ties.KinMinority(C("KAZ"), C("KOR")));
        Assert.Equal(new TieValue(411000, 2024, false), world.Ties.MigrantStock(C("KGZ"), C("RUS")));
        Assert.Equal(new TieValue(630859 * 4, 2023, false), world.Ties.LabourMigrants(C("UZB"), C("RUS")));
        Assert.Null(world.Ties.CoEthnicPopulation(C("KGZ"), C("UZB")));
        Assert.Null(world.Ties.LabourMigrants(C("UZB"), C("KOR")));
        Assert.Equal([578.0, 3000.0], world.Ties.Tuition(C("KGZ")).OrderBy(t => t.Year).Select(t => t.Value));
        Assert.Equal(8000, world.Ties.Tuition(C("KOR")).Single().Value);
        Assert.Contains("6100-9900", world.Ties.Tuition(C("KOR")).Single().Note, StringComparison.Ordinal);
        Assert.Empty(world.Ties.Tuition(C("DEU")));
    }

    [Fact]
    public void Every_member_origin_has_a_migrant_stock_in_every_other_country_published_or_imputed()
    {
        WorldData world = WorldCsvLoader.Load(TestFiles.ProjectWorld);
        var stocks = world.MemberIndices()
            .SelectMany(o => Enumerable.Range(0, world.Countries.Count).Where(h => h != o).Select(h => world.Ties.MigrantStock(o, h)))
            .ToArray();

        Assert.All(stocks, s => Assert.True(s is not null && s.Value > 0));
        Assert.Equal(10, stocks.Count(s => !s!.Imputed));
        Assert.All(stocks.Where(s => s!.Imputed), s => Assert.Null(s!.Year));
        Assert.True(world.Ties.MigrantStock(world.CountryIndex("UZB"), world.CountryIndex("RUS"))!.Imputed);

        // External origins are not imputed: the ties are about the members' citizens.
        Assert.Null(world.Ties.MigrantStock(world.CountryIndex("RUS"), world.CountryIndex("KAZ")));
    }

    [Fact]
    public void Bad_rows_are_reported_with_file_and_line()
    {
        using var temp = new TempFolder();
        var (ex, first) = TestFiles.LoadWorldWithRows(temp, "ties.csv",
        [
            "KAZ,RUS,diaspora,2020,5,persons,s,",
            "KAZ,RUS,migrant_stock,2020,5,thousand persons,s,",
            "*,RUS,migrant_stock,2020,5,persons,s,",
            "KAZ,RUS,tuition_usd,2020,5,USD per year,s,",
            "KAZ,KAZ,migrant_stock,2020,5,persons,s,",
            "KAZ,RUS,migrant_stock,2020,0,persons,s,",
            "KGZ,RUS,migrant_stock,2024,5,persons,s,",
            "KAZ,XXX,migrant_stock,2020,5,persons,s,",
            "KAZ,RUS,migrant_stock,20,5,persons,s,",
            "KAZ,RUS,migrant_stock,2020,5,persons,,",
            "KAZ,RUS,migrant_stock,2020,5,persons",
        ]);
        string at(int k) => $"ties.csv:{first + k}: ";

        TestFiles.AssertProblem(ex, at(0) + "column 'kind' must be one of migrant_stock, labour_migrants, co_ethnic_population, kin_minority, tuition_usd (was 'diaspora')");
        TestFiles.AssertProblem(ex, at(1) + "column 'unit' must be 'persons' for kind 'migrant_stock'", "(was 'thousand persons')");
        TestFiles.AssertProblem(ex, at(2) + "column 'origin' must be a country code for kind 'migrant_stock' ('*' is for tuition only)");
        TestFiles.AssertProblem(ex, at(3) + "column 'origin' must be '*' for kind 'tuition_usd'");
        TestFiles.AssertProblem(ex, at(4) + "column 'destination' must differ from the origin");
        TestFiles.AssertProblem(ex, at(5) + "column 'value' must be a number > 0 (was '0')");
        TestFiles.AssertProblem(ex, at(6) + "repeats the origin, destination, kind and year of line 3");
        TestFiles.AssertProblem(ex, at(7) + "column 'destination' must be a country code of countries.csv (was 'XXX')");
        TestFiles.AssertProblem(ex, at(8) + "column 'year' must be a whole number between 1950 and 2200 (was '20')");
        TestFiles.AssertProblem(ex, at(9) + "column 'source' must not be empty");
        TestFiles.AssertProblem(ex, at(10) + "expected 8 columns as in the header but found 6");
        Assert.Equal(11, ex.Problems.Count);
    }
}
