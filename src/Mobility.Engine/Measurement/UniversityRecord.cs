namespace Mobility.Engine.Measurement;

/// <summary>A university's composite score, estimated world rank (null for aggregates) and head counts in a year.</summary>
public readonly record struct UniversityRecord(
    int Year,
    string University,
    string Country,
    double Composite,
    int? Rank,
    double Students,
    double IntlStudents,
    double IntlStaff);
