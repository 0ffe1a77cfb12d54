namespace Mobility.Engine.Measurement;

/// <summary>The values of <see cref="FlowRecord.Kind"/>.</summary>
public static class FlowKinds
{
    public const string Degree = "degree";
    public const string Credit = "credit";
    public const string Scholar = "scholar";

    /// <summary>Degree departures funded by a national scholarship; a subset of <see cref="Degree"/>, not an addition to it.</summary>
    public const string NationalScholarship = "national_scholarship";
}
