namespace Mobility.Model.World.Series;

/// <summary>The catalogue of series variables (one entry per <see cref="SeriesVariable"/>).</summary>
public static class SeriesVariables
{
    private static readonly SeriesVariableInfo[] Infos =
    [
        new(SeriesVariable.TertiaryEnrolment, SeriesEntityKind.Country, "persons", 0, double.PositiveInfinity,
            "students enrolled in the country's higher education (all levels and study forms)"),
        new(SeriesVariable.ForeignSeats, SeriesEntityKind.Country | SeriesEntityKind.University, "persons", 0, double.PositiveInfinity,
            "places for foreign students: a university's, or a country's total (its universities' seats scaled to it)"),
        new(SeriesVariable.ForeignEntryOpen, SeriesEntityKind.Country, "share 0..1", 0, 1,
            "share of the usual foreign intake a country admits (1 open, 0 closed to new foreign students)"),
        new(SeriesVariable.ScholarshipQuota, SeriesEntityKind.Pair, "places per year", 0, double.PositiveInfinity,
            "host-government funded study places offered to citizens of the origin (pair origin-host)"),
        new(SeriesVariable.ScholarshipQuotaTotal, SeriesEntityKind.Country, "places per year", 0, double.PositiveInfinity,
            "a host government's funded study places for all foreign citizens together"),
        new(SeriesVariable.BranchCampuses, SeriesEntityKind.Country | SeriesEntityKind.Pair, "campuses", 0, double.PositiveInfinity,
            "foreign branch campuses operating in the host: from every parent country (country) or from one (pair host-parent)"),
        new(SeriesVariable.ForeignStudentTarget, SeriesEntityKind.Country, "persons", 0, double.PositiveInfinity,
            "a government's published target for the foreign students it hosts"),
        new(SeriesVariable.ExitPermitRequired, SeriesEntityKind.Country, "0 or 1", 0, 1,
            "1 while citizens need an exit permit to leave the country"),
        new(SeriesVariable.ImmigrantStock, SeriesEntityKind.Country, "persons", 0, double.PositiveInfinity,
            "international migrants living in the country (the destination mass of the diaspora imputation)"),
        new(SeriesVariable.ExchangeFunding, SeriesEntityKind.Country, "share 0..1", 0, 1,
            "share of an incoming credit-mobility student's living cost the host's exchange scheme pays (Erasmus+ International Credit Mobility)"),
        new(SeriesVariable.VisaBarrier, SeriesEntityKind.Pair, "0..1", 0, 1,
            "difficulty for a student of the origin to enter and study in the host this year (pair origin-host; pairs.csv's value where no series)"),
    ];

    public static IReadOnlyList<SeriesVariableInfo> All => Infos;

    public static SeriesVariableInfo Of(SeriesVariable variable) => Infos[(int)variable];
}
