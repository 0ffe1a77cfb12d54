namespace Mobility.Model.World.Ties;

/// <summary>The value of a tie for a pair: published (with the year of the figure) or imputed (no year).</summary>
public sealed record TieValue(double Value, int? Year, bool Imputed);
