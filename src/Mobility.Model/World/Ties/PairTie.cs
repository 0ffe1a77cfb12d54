namespace Mobility.Model.World.Ties;

/// <summary>
/// One published tie between two countries (a row of ties.csv), in the unit of its kind.
/// </summary>
/// <param name="Origin">Index of the origin country, or <see cref="AllOrigins"/> for a host-only tie (tuition).</param>
/// <param name="Destination">Index of the destination (host) country.</param>
/// <param name="Note">What the source counted when it differs from the kind's plain meaning, and any conversion.</param>
public sealed record PairTie(int Origin, int Destination, TieKind Kind, int Year, double Value, string Source, string Note)
{
    public const int AllOrigins = -1;
}
