namespace Mobility.Tests.World;

using Mobility.Model;
using Mobility.Model.World.Series;

/// <summary>A series is linear between the years given and flat outside them.</summary>
public class WorldSeriesTests
{
    private static readonly SeriesEntity Uzbekistan = SeriesEntity.Country(4);

    private static WorldSeries Enrolment(params (int Year, double Value)[] given)
        => new(given.Select(g => (Uzbekistan, SeriesVariable.TertiaryEnrolment, new SeriesPoint(g.Year, g.Value))));

    [Fact]
    public void Values_at_given_years_are_the_given_values()
    {
        var series = Enrolment((2017, 297700), (2021, 808400), (2022, 1040400));

        Assert.Equal(297700, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 2017));
        Assert.Equal(808400, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 2021));
        Assert.Equal(1040400, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 2022));
    }

    [Fact]
    public void Between_two_given_years_the_value_is_linear()
    {
        // Given out of order on purpose: the series sorts them.
        var series = Enrolment((2021, 800), (2017, 400));

        Assert.Equal(500, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 2018));
        Assert.Equal(600, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 2019));
        Assert.Equal(700, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 2020));
    }

    [Fact]
    public void Before_the_first_and_after_the_last_given_year_the_value_is_flat()
    {
        var series = Enrolment((2017, 400), (2021, 800));

        Assert.Equal(400, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 1990));
        Assert.Equal(400, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 2016));
        Assert.Equal(800, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 2022));
        Assert.Equal(800, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, 2100));
    }

    [Fact]
    public void A_single_value_holds_for_every_year()
    {
        var series = Enrolment((2020, 1162000));

        Assert.All(new[] { 1950, 2019, 2020, 2021, 2200 }, year => Assert.Equal(1162000, series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, year)));
    }

    [Fact]
    public void A_step_such_as_a_closing_border_takes_effect_in_its_year()
    {
        var ukraine = SeriesEntity.Country(23);
        var series = new WorldSeries(
        [
            (ukraine, SeriesVariable.ForeignEntryOpen, new SeriesPoint(2021, 1)),
            (ukraine, SeriesVariable.ForeignEntryOpen, new SeriesPoint(2022, 0)),
        ]);

        Assert.Equal([1.0, 1.0, 0.0, 0.0], new[] { 2015, 2021, 2022, 2030 }.Select(y => series.ValueAt(ukraine, SeriesVariable.ForeignEntryOpen, y)));
    }

    [Fact]
    public void Property_every_value_lies_between_the_given_values_around_its_year()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 200; trial++)
        {
            var years = Enumerable.Range(1990, 60).OrderBy(_ => random.Next()).Take(random.Next(1, 8)).Order().ToArray();
            var given = years.Select(y => (y, Math.Round(random.NextDouble() * 1000, 1))).ToArray();
            var series = Enrolment(given);
            for (int year = 1980; year <= 2060; year++)
            {
                double value = series.ValueAt(Uzbekistan, SeriesVariable.TertiaryEnrolment, year);
                int after = Array.FindIndex(years, y => y >= year);
                double low;
                double high;
                if (after < 0 || after == 0)
                {
                    low = high = after < 0 ? given[^1].Item2 : given[0].Item2;
                }
                else
                {
                    low = Math.Min(given[after - 1].Item2, given[after].Item2);
                    high = Math.Max(given[after - 1].Item2, given[after].Item2);
                }

                Assert.InRange(value, low - 1e-9, high + 1e-9);
            }
        }
    }

    [Fact]
    public void Lookups_distinguish_entities_and_variables()
    {
        var pair = SeriesEntity.Pair(4, 5);
        var series = new WorldSeries(
        [
            (pair, SeriesVariable.ScholarshipQuota, new SeriesPoint(2021, 405)),
            (SeriesEntity.Pair(5, 4), SeriesVariable.ScholarshipQuota, new SeriesPoint(2021, 7)),
        ]);

        Assert.True(series.Has(pair, SeriesVariable.ScholarshipQuota));
        Assert.False(series.Has(pair, SeriesVariable.BranchCampuses));
        Assert.False(series.TryValueAt(SeriesEntity.Country(4), SeriesVariable.ScholarshipQuota, 2021, out _));
        Assert.Equal(7, series.ValueAt(SeriesEntity.Pair(5, 4), SeriesVariable.ScholarshipQuota, 2030));
        var missing = Assert.Throws<KeyNotFoundException>(() => series.ValueAt(pair, SeriesVariable.BranchCampuses, 2021));
        Assert.Contains("branch_campuses", missing.Message, StringComparison.Ordinal);
        Assert.Equal(2, series.Entities(SeriesVariable.ScholarshipQuota).Count());
    }

    [Fact]
    public void Two_values_for_one_year_are_refused()
        => Assert.Throws<ArgumentException>(() => Enrolment((2020, 1), (2020, 2)));

    [Fact]
    public void The_catalogue_describes_every_variable_in_enum_order_with_its_file_code()
    {
        Assert.Equal(Enum.GetValues<SeriesVariable>(), SeriesVariables.All.Select(v => v.Variable));
        Assert.Equal("scholarship_quota", SeriesVariables.Of(SeriesVariable.ScholarshipQuota).Code);
        Assert.Equal(SeriesEntityKind.Pair, SeriesVariables.Of(SeriesVariable.ScholarshipQuota).Entities);
        Assert.True(EnumCodes<SeriesVariable>.TryParse("Foreign_Entry_Open", out var open));
        Assert.Equal(SeriesVariable.ForeignEntryOpen, open);
        Assert.False(EnumCodes<SeriesVariable>.TryParse("foreignentryopen", out _));
    }

    [Fact]
    public void Entity_text_is_a_country_a_pair_or_a_university()
    {
        string[] codes = ["KAZ", "RUS", "UZB"];
        string[] ids = ["KAZ-NU", "UZB-RUS"];
        int Country(string code) => Array.IndexOf(codes, code);
        int University(string id) => Array.IndexOf(ids, id);

        Assert.True(SeriesEntity.TryParse("RUS", Country, University, out var russia, out _));
        Assert.Equal(SeriesEntity.Country(1), russia);
        Assert.True(SeriesEntity.TryParse("KAZ-RUS", Country, University, out var pair, out _));
        Assert.Equal(SeriesEntity.Pair(0, 1), pair);
        Assert.True(SeriesEntity.TryParse("KAZ-NU", Country, University, out var nu, out _));
        Assert.Equal(SeriesEntity.University(0), nu);
        Assert.False(SeriesEntity.TryParse("KAZ-KAZ", Country, University, out _, out _));
        Assert.False(SeriesEntity.TryParse("XXX", Country, University, out _, out bool unknownAmbiguous));
        Assert.False(unknownAmbiguous);
        Assert.False(SeriesEntity.TryParse("UZB-RUS", Country, University, out _, out bool ambiguous));
        Assert.True(ambiguous);
    }
}
