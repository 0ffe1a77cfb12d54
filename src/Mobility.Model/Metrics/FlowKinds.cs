namespace Mobility.Model.Metrics;

/// <summary>
/// The kinds of new departures a run counts (the <c>kind</c> column of flows.parquet, the <c>flow_kind</c> of an
/// observation).
/// </summary>
public static class FlowKinds
{
    public const string Degree = "degree";
    public const string Credit = "credit";
    public const string Scholar = "scholar";

    /// <summary>Degree departures funded by a national scholarship; a subset of <see cref="Degree"/>, not an addition to it.</summary>
    public const string NationalScholarship = "national_scholarship";

    /// <summary>Degree departures placed on a host government's quota seats (intergovernmental agreements); a subset of <see cref="Degree"/>.</summary>
    public const string Quota = "quota";

    /// <summary>Every kind, in the order the documentation lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Degree, Credit, Scholar, NationalScholarship, Quota];
}
