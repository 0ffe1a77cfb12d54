namespace Mobility.Model.Parameters;

using Mobility.Model.World;

/// <summary>New cohorts: Bachelor entry from enrolment, Master and PhD entry from last year's graduates.</summary>
public sealed class EntryCoefficients
{
    /// <summary>Bachelor entrants per year as a share of the country's tertiary enrolment.</summary>
    public double Rate { get; set; } = 0.245;

    /// <summary>Per-country override of <see cref="Rate"/> (e.g. where many school leavers study abroad from the start).</summary>
    public Dictionary<string, double> RateByCountry { get; set; } = new();

    /// <summary>Yearly growth of the entry cohort (trend), relative to the first simulated year.</summary>
    public double Growth { get; set; } = 0.01;

    public Dictionary<string, double> GrowthByCountry { get; set; } = new();

    /// <summary>Share of Bachelor graduates who go on to a Master.</summary>
    public double MasterTransition { get; set; } = 0.2;

    /// <summary>Share of Master graduates who go on to a PhD.</summary>
    public double PhdTransition { get; set; } = 0.1;

    /// <summary>Probability that a student speaks English besides the home languages, at mean ability and resources.</summary>
    public double EnglishShare { get; set; } = 0.15;

    /// <summary>Logit slope of English proficiency on (ability + resources - 1).</summary>
    public double EnglishSlope { get; set; } = 3.0;

    /// <summary>Level shares of students from external countries who come to the region for a degree.</summary>
    public LevelShares InboundLevels { get; set; } = new();

    /// <summary>
    /// Elasticity of the history's Bachelor cohorts to the enrolment series: before the start year a cohort is the
    /// start-year cohort times (enrolment that year / enrolment of countries.csv)^this. Below 1 because enrolment grew
    /// partly in study forms whose students rarely go abroad (Uzbekistan: all students five-fold in 2014-2024,
    /// full-time students 2.7-fold; ln 2.7 / ln 5 = 0.62; docs/ODD.md section 7.3).
    /// </summary>
    public double HistoryElasticity { get; set; } = 0.62;

    /// <summary>
    /// The Bachelor entry cohort (persons) of a member country in <paramref name="year"/>. Before the start year (the
    /// run's history) with a <paramref name="historicalEnrolment"/> (series.csv <c>tertiary_enrolment</c> of that year):
    /// tertiary enrolment x entry rate x (historical enrolment / tertiary enrolment)^<see cref="HistoryElasticity"/>.
    /// Otherwise: tertiary enrolment x entry rate x (1 + growth)^(year - start year). The country's own rate and growth
    /// where set.
    /// </summary>
    public double CohortPersons(Country country, int year, int startYear, double? historicalEnrolment = null)
    {
        ArgumentNullException.ThrowIfNull(country);
        double rate = RateByCountry.TryGetValue(country.Code, out var r) ? r : Rate;
        if (year < startYear && historicalEnrolment is double enrolment && country.TertiaryEnrolment > 0)
        {
            return country.TertiaryEnrolment * rate * Math.Pow(enrolment / country.TertiaryEnrolment, HistoryElasticity);
        }

        double growth = GrowthByCountry.TryGetValue(country.Code, out var g) ? g : Growth;
        return country.TertiaryEnrolment * rate * Math.Pow(1 + growth, year - startYear);
    }
}

/// <summary>Shares of Bachelor, Master and PhD (normalised when used).</summary>
public sealed class LevelShares
{
    public double Bachelor { get; set; } = 0.8;

    public double Master { get; set; } = 0.15;

    public double Phd { get; set; } = 0.05;
}
