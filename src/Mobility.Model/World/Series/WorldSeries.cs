namespace Mobility.Model.World.Series;

/// <summary>
/// The world's yearly series (<c>series.csv</c>): for an entity and a variable, values given in some years, linear
/// between two given years and flat before the first and after the last.
/// </summary>
public sealed class WorldSeries
{
    private readonly Dictionary<(SeriesEntity Entity, SeriesVariable Variable), SeriesPoint[]> series;

    /// <param name="points">Every given value; at most one per entity, variable and year.</param>
    public WorldSeries(IEnumerable<(SeriesEntity Entity, SeriesVariable Variable, SeriesPoint Point)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        series = points
            .GroupBy(p => (p.Entity, p.Variable))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Point).OrderBy(p => p.Year).ToArray());
        foreach (var ((entity, variable), given) in series)
        {
            for (int i = 1; i < given.Length; i++)
            {
                if (given[i].Year == given[i - 1].Year)
                {
                    throw new ArgumentException($"two values of {variable} for {entity} in {given[i].Year}", nameof(points));
                }
            }
        }
    }

    public static WorldSeries Empty { get; } = new([]);

    /// <summary>Number of (entity, variable) series.</summary>
    public int Count => series.Count;

    public bool Has(SeriesEntity entity, SeriesVariable variable) => series.ContainsKey((entity, variable));

    /// <summary>The given values of a series in year order (empty when there is none).</summary>
    public IReadOnlyList<SeriesPoint> Points(SeriesEntity entity, SeriesVariable variable)
        => series.TryGetValue((entity, variable), out var given) ? given : [];

    /// <summary>The entities that have a series of <paramref name="variable"/>.</summary>
    public IEnumerable<SeriesEntity> Entities(SeriesVariable variable)
        => series.Keys.Where(key => key.Variable == variable).Select(key => key.Entity);

    public bool TryValueAt(SeriesEntity entity, SeriesVariable variable, int year, out double value)
    {
        if (series.TryGetValue((entity, variable), out var given))
        {
            value = Interpolate(given, year);
            return true;
        }

        value = double.NaN;
        return false;
    }

    /// <summary>The value in <paramref name="year"/>; the series must exist (see <see cref="Has"/>).</summary>
    public double ValueAt(SeriesEntity entity, SeriesVariable variable, int year)
        => TryValueAt(entity, variable, year, out double value)
            ? value
            : throw new KeyNotFoundException($"the world has no series of {EnumCodes<SeriesVariable>.Code(variable)} for {entity}");

    /// <summary>Linear between the two given years around <paramref name="year"/>, flat outside the given years.</summary>
    /// <param name="given">At least one point, in increasing year order.</param>
    public static double Interpolate(IReadOnlyList<SeriesPoint> given, int year)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (given.Count == 0)
        {
            throw new ArgumentException("a series needs at least one value", nameof(given));
        }

        if (year <= given[0].Year)
        {
            return given[0].Value;
        }

        for (int i = 1; i < given.Count; i++)
        {
            if (year == given[i].Year)
            {
                return given[i].Value;
            }

            if (year < given[i].Year)
            {
                SeriesPoint a = given[i - 1];
                SeriesPoint b = given[i];
                double t = (double)(year - a.Year) / (b.Year - a.Year);
                return a.Value + (t * (b.Value - a.Value));
            }
        }

        return given[^1].Value;
    }
}
