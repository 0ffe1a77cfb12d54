namespace Mobility.Tests.IO;

using Mobility.Input;
using Mobility.Input.Observations;
using Mobility.Input.World;
using Mobility.Model.Observations;

public class ObservationsLoaderTests
{
    private const string Header = "id,origin,destination,year,kind,value,source,note";

    private static IReadOnlyList<Observation> Parse(string text) => ObservationsLoader.Parse(CsvReader.Parse(text, "obs.csv"));

    [Fact]
    public void Reads_the_published_columns_and_the_optional_ones()
    {
        var rows = Parse("""
            id,origin,destination,year,kind,value,source,note,weight,tolerance,flow_kind
            ru_kz,KAZ,RUS,2024,stock,55500,"RIAC, 2024",students,,,
            ru_uz,uzb,RUS,2024,stock,47500,RIAC,uncertain,2,0.3,
            bolashak_us,KAZ,USA,2024,flow,488,Bolashak,awards,,,national_scholarship
            kz_in,*,KAZ,2025,stock,28458,inbusiness.kz,all,,,
            """);

        Assert.Equal(4, rows.Count);
        Assert.Equal(new Observation("ru_kz", "KAZ", "RUS", 2024, ObservationKind.Stock, 55500, "RIAC, 2024", "students", Line: 2), rows[0]);
        Assert.Equal(("UZB", 2.0, 0.3), (rows[1].Origin, rows[1].Weight, rows[1].Tolerance));
        Assert.Equal((ObservationKind.Flow, "national_scholarship"), (rows[2].Kind, rows[2].FlowKind));
        Assert.Equal(Observation.AllCountries, rows[3].Origin);
    }

    [Fact]
    public void The_shipped_observations_load()
    {
        var rows = ObservationsLoader.Load(Path.Combine(TestFiles.RepositoryRoot, "scenarios", "observations", "observed-mobility.csv"));
        Assert.Equal(16, rows.Count);
        Assert.All(rows.Where(r => r.Id.StartsWith("bolashak", StringComparison.Ordinal)), r => Assert.Equal("national_scholarship", r.FlowKind));
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_column()
    {
        var ex = Assert.Throws<InputException>(() => Parse($"""
            {Header}
            a,KAZ,RUS,2024,stock,55500,s,n
            b,KAZAKH,RUS,2024,stock,100,s,n
            c,KAZ,RUS,twenty,stock,100,s,n
            d,KAZ,RUS,2024,count,100,s,n
            e,KAZ,RUS,2024,stock,-5,s,n
            a,KAZ,TUR,2024,stock,100,s,n
            f,*,*,2024,stock,100,s,n
            g,KAZ,RUS,2024,stock
            """));

        Assert.Contains(ex.Problems, p => p.StartsWith("obs.csv:3: column 'origin'", StringComparison.Ordinal) && p.Contains("'KAZAKH'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("obs.csv:4: column 'year'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("obs.csv:5: column 'kind' must be 'stock' or 'flow'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("obs.csv:6: column 'value' must be a number > 0", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("obs.csv:7: column 'id' repeats the id of line 2", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("obs.csv:8: origin and destination must not both be '*'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("obs.csv:9: has 5 fields but the header has 8", StringComparison.Ordinal));
        Assert.Equal(7, ex.Problems.Count);
    }

    [Fact]
    public void A_missing_or_unknown_column_is_named()
    {
        var ex = Assert.Throws<InputException>(() => Parse("id,origin,destination,year,kind,amount,source\na,KAZ,RUS,2024,stock,1,s"));
        Assert.Contains(ex.Problems, p => p.Contains("unknown column 'amount'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("missing column(s) value", StringComparison.Ordinal));
    }

    [Fact]
    public void A_flow_kind_on_a_stock_or_an_unknown_flow_kind_is_an_error()
    {
        var ex = Assert.Throws<InputException>(() => Parse("""
            id,origin,destination,year,kind,value,source,flow_kind
            a,KAZ,RUS,2024,stock,1,s,degree
            b,KAZ,RUS,2024,flow,1,s,bolashak
            """));
        Assert.Contains(ex.Problems, p => p.StartsWith("obs.csv:2: column 'flow_kind' applies to flows only", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("obs.csv:3: column 'flow_kind' must be empty or one of degree", StringComparison.Ordinal));
    }
}
