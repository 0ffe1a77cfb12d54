namespace Mobility.Tests.IO;

using Mobility.Input;
using Mobility.Input.Observations;
using Mobility.Input.World;
using Mobility.Model.Observations;

public class ObservationTableLoaderTests
{
    private const string Header = "id,origin,destination,year,academic_year,kind,measure,value,confidence,source_title,source_url,quote";

    private static readonly string[] Countries = ["KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "KOR"];

    private static string ShippedFile => Path.Combine(TestFiles.RepositoryRoot, "scenarios", "observations", "observations.csv");

    private static IReadOnlyList<PublishedFigure> Parse(params string[] rows)
        => ObservationTableLoader.Parse(CsvReader.Parse(string.Join('\n', [Header, .. rows]), "obs.csv"), Countries, 2000, 2030);

    private static InputException Bad(params string[] rows) => Assert.Throws<InputException>(() => Parse(rows));

    private static void AssertProblem(InputException ex, string start, params string[] parts)
        => Assert.True(
            ex.Problems.Any(p => p.StartsWith(start, StringComparison.Ordinal) && parts.All(part => p.Contains(part, StringComparison.Ordinal))),
            $"no problem starts with '{start}' and contains [{string.Join(" | ", parts)}]; problems:\n{string.Join("\n", ex.Problems)}");

    [Fact]
    public void Reads_every_row_of_the_shipped_file_as_it_is()
    {
        var world = WorldCsvLoader.Load(TestFiles.ProjectWorld);
        var figures = ObservationTableLoader.Load(ShippedFile, world.Countries.Select(c => c.Code), 2000, 2030);

        int dataLines = File.ReadAllLines(ShippedFile).Length - 1;
        Assert.Equal(138, dataLines);
        Assert.Equal(dataLines, figures.Count);
        Assert.Equal(figures.Count, figures.Select(f => f.Id).Distinct().Count());
        Assert.Equal(105, figures.Count(f => f.Measure == FigureMeasure.Enrolled));
        Assert.Equal(10, figures.Count(f => f.Measure == FigureMeasure.Departures));
        Assert.Equal(9, figures.Count(f => f.Kind == FigureKind.Enrolment));
        Assert.Equal(6, figures.Count(f => f.Confidence == SourceConfidence.High));
        Assert.Equal(16, figures.Count(f => f.SourceUrl.Length == 0));

        var korea = figures.Single(f => f.Id == "uzb-kor-enrolled-2022-175");
        Assert.Equal(("UZB", "KOR", 2022, FigureKind.Stock, FigureMeasure.Enrolled, 11974.0, SourceConfidence.Medium), (korea.Origin, korea.Destination, korea.Year, korea.Kind, korea.Measure, korea.Value, korea.Confidence));
        Assert.Equal("우즈베키스탄이 1만1천974명", korea.Quote);
        Assert.StartsWith("end-Jan 2023 snapshot", korea.AcademicYear, StringComparison.Ordinal);

        var all = figures.Single(f => f.Id == "all-kgz-enrolled-2021-8");
        Assert.Equal(PublishedFigure.AllCountries, all.Origin);
        Assert.Equal("almost a third of them (70,524) are citizens of other countries", all.Quote);
    }

    [Fact]
    public void Every_country_the_observations_name_is_in_the_world()
    {
        var world = WorldCsvLoader.Load(TestFiles.ProjectWorld);
        var codes = world.Countries.Select(c => c.Code).ToHashSet();
        var named = ObservationTableLoader.Load(ShippedFile, codes, 2000, 2030)
            .SelectMany(f => new[] { f.Origin, f.Destination })
            .Where(c => c != PublishedFigure.AllCountries)
            .ToHashSet();

        Assert.Empty(named.Except(codes));
        Assert.Contains("UKR", named);
        Assert.Contains("LTU", named);
    }

    [Fact]
    public void A_good_row_reads_into_typed_fields()
    {
        var rows = Parse("a,TJK,RUS,2023,2023/2024,flow,entrants,1965,medium,\"myfin.by, report\",https://x,граждане Таджикистана (1965 человек)");

        Assert.Equal(
            new PublishedFigure("a", "TJK", "RUS", 2023, "2023/2024", FigureKind.Flow, FigureMeasure.Entrants, 1965, SourceConfidence.Medium,
                "myfin.by, report", "https://x", "граждане Таджикистана (1965 человек)", 2),
            rows.Single());
    }

    [Fact]
    public void An_unknown_measure_is_reported_with_its_line()
        => AssertProblem(Bad("a,KAZ,RUS,2020,2020,stock,enroled,100,high,t,,q"), "obs.csv:2: column 'measure' must be one of enrolled, tertiary_enrolment, departures", "(was 'enroled')");

    [Fact]
    public void An_unknown_country_code_is_reported_with_its_line()
    {
        var ex = Bad("a,KAZ,RUS,2020,2020,stock,enrolled,100,high,t,,q", "b,KAZ,XYZ,2020,2020,stock,enrolled,100,high,t,,q", "c,kz,RUS,2020,2020,stock,enrolled,100,high,t,,q");
        AssertProblem(ex, "obs.csv:3: column 'destination' must be a country code of the world (countries.csv) or '*'", "(was 'XYZ')");
        AssertProblem(ex, "obs.csv:4: column 'origin' must be a country code of the world", "(was 'kz')");
        Assert.Equal(2, ex.Problems.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("about 100")]
    [InlineData("")]
    [InlineData("NaN")]
    public void A_value_that_is_not_a_positive_number_is_reported(string value)
        => AssertProblem(Bad($"a,KAZ,RUS,2020,2020,stock,enrolled,{value},high,t,,q"), "obs.csv:2: column 'value' must be a number > 0", $"(was '{value}')");

    [Theory]
    [InlineData("1999")]
    [InlineData("2031")]
    [InlineData("2020/21")]
    public void A_year_outside_the_range_is_reported(string year)
        => AssertProblem(Bad($"a,KAZ,RUS,{year},2020,stock,enrolled,100,high,t,,q"), "obs.csv:2: column 'year' must be a whole number between 2000 and 2030", $"(was '{year}')");

    [Fact]
    public void A_duplicated_id_is_reported_with_the_first_line()
        => AssertProblem(
            Bad("a,KAZ,RUS,2020,2020,stock,enrolled,100,high,t,,q", "b,KAZ,RUS,2021,2021,stock,enrolled,100,high,t,,q", "a,KAZ,KOR,2020,2020,stock,enrolled,100,high,t,,q"),
            "obs.csv:4: column 'id' repeats the id of line 2");

    [Fact]
    public void A_wrong_column_count_is_reported()
        => AssertProblem(Bad("a,KAZ,RUS,2020,2020,stock,enrolled,100,high,t,q", "b,KAZ,RUS,2020,2020,stock,enrolled,100,high,\"t, with a comma\",,q,extra"), "obs.csv:2: expected 12 columns as in the header but found 11");

    [Fact]
    public void Missing_header_columns_are_named()
    {
        var table = CsvReader.Parse("id,origin,destination,year,kind,measure,value,source_title,source_url,quote\na,KAZ,RUS,2020,stock,enrolled,100,t,,q", "obs.csv");
        var ex = Assert.Throws<InputException>(() => ObservationTableLoader.Parse(table, Countries, 2000, 2030));

        AssertProblem(ex, "obs.csv:1: wrong header", "column 'academic_year' is missing", "column 'confidence' is missing", $"expected '{Header}'");
    }

    [Fact]
    public void Kind_confidence_and_sides_must_fit_the_measure()
    {
        var ex = Bad(
            "a,KAZ,RUS,2020,2020,stock,departures,100,high,t,,q",
            "b,KAZ,RUS,2020,2020,stock,enrolled,100,certain,t,,q",
            "c,KAZ,RUS,2020,2020,enrolment,tertiary_enrolment,100,high,t,,q",
            "d,KAZ,KAZ,2020,2020,stock,enrolled,100,high,t,,q",
            "e,*,*,2020,2020,flow,departures,100,high,t,,q",
            "f,KAZ,RUS,2020,2020,stock,enrolled,100,high,,,");

        AssertProblem(ex, "obs.csv:2: column 'kind' must be 'flow' for measure 'departures'");
        AssertProblem(ex, "obs.csv:3: column 'confidence' must be one of high, medium, low", "(was 'certain')");
        AssertProblem(ex, "obs.csv:4: column 'destination' must be the origin's country code for measure 'tertiary_enrolment'");
        AssertProblem(ex, "obs.csv:5: column 'destination' must differ from the origin for measure 'enrolled'");
        AssertProblem(ex, "obs.csv:6: origin and destination must not both be '*'");
        AssertProblem(ex, "obs.csv:7: column 'source_title' must not be empty");
        AssertProblem(ex, "obs.csv:7: column 'quote' must not be empty");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var ex = Assert.Throws<InputException>(() => ObservationTableLoader.Load(Path.Combine(TestFiles.RepositoryRoot, "nowhere.csv"), Countries, 2000, 2030));
        Assert.Contains("nowhere.csv' not found", ex.Message, StringComparison.Ordinal);
    }
}
