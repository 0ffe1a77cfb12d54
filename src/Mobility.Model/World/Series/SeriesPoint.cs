namespace Mobility.Model.World.Series;

/// <summary>A given value of a series in one year.</summary>
public readonly record struct SeriesPoint(int Year, double Value);
