namespace Mobility.Model.World.Series;

/// <summary>
/// The entity a series belongs to, by index into the world: a country (<see cref="First"/>), an ordered pair
/// (origin <see cref="First"/>, destination <see cref="Second"/>), or a university (<see cref="First"/>). In files it
/// is written as a country code (<c>KAZ</c>), two codes joined by a hyphen (<c>UZB-RUS</c>: origin Uzbekistan, host
/// Russia) or a university id (<c>KAZ-NU</c>).
/// </summary>
public readonly record struct SeriesEntity(SeriesEntityKind Kind, int First, int Second)
{
    public static SeriesEntity Country(int country) => new(SeriesEntityKind.Country, country, -1);

    public static SeriesEntity Pair(int origin, int destination) => new(SeriesEntityKind.Pair, origin, destination);

    public static SeriesEntity University(int university) => new(SeriesEntityKind.University, university, -1);

    /// <summary>
    /// Reads an entity written as in series.csv. A text that is both a pair of country codes and a university id is
    /// ambiguous and not read (<paramref name="ambiguous"/> is then true).
    /// </summary>
    /// <param name="countryIndex">Index of a country code, or -1.</param>
    /// <param name="universityIndex">Index of a university id, or -1.</param>
    public static bool TryParse(
        string text, Func<string, int> countryIndex, Func<string, int> universityIndex, out SeriesEntity entity, out bool ambiguous)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(countryIndex);
        ArgumentNullException.ThrowIfNull(universityIndex);
        entity = default;
        ambiguous = false;
        int country = countryIndex(text);
        if (country >= 0)
        {
            entity = Country(country);
            return true;
        }

        int university = universityIndex(text);
        int hyphen = text.IndexOf('-', StringComparison.Ordinal);
        int origin = hyphen > 0 ? countryIndex(text[..hyphen]) : -1;
        int destination = hyphen > 0 ? countryIndex(text[(hyphen + 1)..]) : -1;
        bool isPair = origin >= 0 && destination >= 0 && origin != destination;
        if (isPair && university >= 0)
        {
            ambiguous = true;
            return false;
        }

        if (isPair)
        {
            entity = Pair(origin, destination);
            return true;
        }

        if (university >= 0)
        {
            entity = University(university);
            return true;
        }

        return false;
    }
}
