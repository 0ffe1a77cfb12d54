namespace Mobility.Model.Observations;

/// <summary>Which simulated quantity an observation is compared with (docs/calibration.md, "What each measure is compared with").</summary>
public enum ObservationKind
{
    /// <summary>Degree students of origin enrolled in destination that year.</summary>
    Stock,

    /// <summary>New departures that year, of the observation's flow kind.</summary>
    Flow,

    /// <summary>Everyone leaving to study that year as border statistics count them: new degree plus credit departures.</summary>
    Departures,

    /// <summary>All students enrolled in a country: its own students at home and the foreign students there.</summary>
    Enrolment,

    /// <summary>Degree students of origin in destination funded by a national scholarship.</summary>
    ScholarshipHolders,
}
