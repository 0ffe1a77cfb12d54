namespace Mobility.Model.World.Series;

/// <summary>What a series describes: a country, an ordered pair of countries, or a university (flags, so that a
/// variable can name the kinds it applies to).</summary>
[Flags]
public enum SeriesEntityKind
{
    None = 0,
    Country = 1,
    Pair = 2,
    University = 4,
}
