namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;
using Mobility.Model.Parameters;

/// <summary>
/// The years a fit must simulate and report so that every observation has its own year. The model's past is its
/// spin-up (start-year levers, frozen rankings, and the world's series of each year: the enrolment history's cohorts,
/// quotas, closures; docs/ODD.md 7.12), so observed
/// years before <c>scenario:startYear</c> are reported from the spin-up. The spin-up is lengthened by the same number of
/// years, so that the earliest observed year has as many simulated years behind it as the scenario's start year has
/// (stocks build up from an empty world); the run ends at the latest observed year (or the start year).
/// </summary>
public sealed record ObservationWindow(int ReportFrom, int SpinUpYears, int EndYear)
{
    /// <summary>How far before <c>scenario:startYear</c> a figure may be (the spin-up is lengthened to reach it); earlier years are outside the run.</summary>
    public const int MaxYearsBeforeStart = 20;

    public static ObservationWindow For(ScenarioInfo scenario, IReadOnlyCollection<Observation> observations)
    {
        int earliest = Math.Min(scenario.StartYear, observations.Count == 0 ? scenario.StartYear : observations.Min(o => o.Year));
        int latest = Math.Max(scenario.StartYear, observations.Count == 0 ? scenario.StartYear : observations.Max(o => o.Year));
        return new ObservationWindow(earliest, scenario.SpinUpYears + (scenario.StartYear - earliest), latest);
    }
}
