namespace Mobility.Model.World.Ties;

/// <summary>Facts about the kinds of ties.</summary>
public static class TieKinds
{
    /// <summary>The one unit every row of a kind is stated in (ties.csv's <c>unit</c> column must say it).</summary>
    public static string Unit(TieKind kind) => kind switch
    {
        TieKind.LabourMigrants => "persons per year",
        TieKind.TuitionUsd => "USD per year",
        _ => "persons",
    };

    /// <summary>Tuition belongs to the host alone (origin '*'); every other tie to an ordered pair of countries.</summary>
    public static bool IsHostOnly(TieKind kind) => kind == TieKind.TuitionUsd;
}
