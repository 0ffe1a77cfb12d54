namespace Mobility.Model.Policies;

/// <summary>
/// Plausible upper bounds of the counts and amounts in lever settings (docs/ODD.md, section 7.1). They lie far above
/// any programme of the region (Bolashak awards about a thousand a year; the largest member's yearly Bachelor cohort
/// is about 340 thousand persons, Uzbekistan's) and exist to refuse slips such as 1e308, which would otherwise run.
/// </summary>
public static class LeverBounds
{
    /// <summary>Persons funded a year by one instance (per country where a lever funds per country).</summary>
    public const double PersonsPerYear = 1_000_000;

    /// <summary>Places of one branch campus (the largest single campuses in the world enrol a few hundred thousand).</summary>
    public const double CampusPlaces = 1_000_000;

    /// <summary>US dollars per person and year (a grant, a tuition fee): ten times the dearest tuition anywhere.</summary>
    public const double UsdPerPerson = 1_000_000;

    /// <summary>Joint programmes per country pair: far more than all the region's universities could run together.</summary>
    public const int Programmes = 10_000;

    /// <summary>US dollars a year one programme costs (a trillion: above any country's whole education budget).</summary>
    public const double UsdPerYear = 1e12;
}
