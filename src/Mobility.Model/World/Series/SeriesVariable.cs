namespace Mobility.Model.World.Series;

/// <summary>
/// The quantities of the world that change by year (<c>series.csv</c>). Units, the entities each applies to and
/// what the engine is to do with it are in <see cref="SeriesVariables"/> and <c>scenarios/world/README.md</c>.
/// </summary>
public enum SeriesVariable
{
    TertiaryEnrolment,
    ForeignSeats,
    ForeignEntryOpen,
    ScholarshipQuota,
    ScholarshipQuotaTotal,
    BranchCampuses,
    ForeignStudentTarget,
    ExitPermitRequired,
    ImmigrantStock,
    ExchangeFunding,
    VisaBarrier,
}
