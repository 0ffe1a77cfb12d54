namespace Mobility.Model.World;

using Mobility.Model.World.Series;
using Mobility.Model.World.Ties;

/// <summary>
/// The world a run starts from: countries, universities and the matrices over country pairs (static), the yearly
/// series of what changes (<see cref="Series"/>) and the ties between countries that predate the run
/// (<see cref="Ties"/>). Matrices are indexed [origin, destination] by country index.
/// </summary>
public sealed class WorldData
{
    public WorldData(
        IReadOnlyList<Country> countries,
        IReadOnlyList<University> universities,
        IReadOnlyList<string> languages,
        double[,] visaBarrier,
        double[,] baselineImage,
        bool[,] agreement,
        WorldSeries series,
        IReadOnlyList<PairTie> ties)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(ties);
        Countries = countries;
        Universities = universities;
        Languages = languages;
        VisaBarrier = visaBarrier;
        BaselineImage = baselineImage;
        Agreement = agreement;
        DistanceKm = new double[countries.Count, countries.Count];
        for (int o = 0; o < countries.Count; o++)
        {
            for (int h = 0; h < countries.Count; h++)
            {
                DistanceKm[o, h] = Geography.HaversineKm(
                    countries[o].Latitude, countries[o].Longitude, countries[h].Latitude, countries[h].Longitude);
            }
        }

        Series = series;
        var immigrantStock = Enumerable.Range(0, countries.Count)
            .Select(c => series.TryValueAt(SeriesEntity.Country(c), SeriesVariable.ImmigrantStock, ImmigrantStockYear, out double stock) ? stock : double.NaN)
            .ToArray();
        Ties = new WorldTies(ties, countries, DistanceKm, immigrantStock);
    }

    /// <summary>The year whose immigrant stocks (series <c>immigrant_stock</c>) the diaspora imputation uses.</summary>
    public const int ImmigrantStockYear = 2020;

    public IReadOnlyList<Country> Countries { get; }

    public IReadOnlyList<University> Universities { get; }

    /// <summary>ISO 639-1 codes; a language's index is its bit in <see cref="LanguageSet"/>.</summary>
    public IReadOnlyList<string> Languages { get; }

    public double[,] VisaBarrier { get; }

    public double[,] BaselineImage { get; }

    public bool[,] Agreement { get; }

    public double[,] DistanceKm { get; }

    /// <summary>What changes by year (series.csv): enrolment, seats, quotas, openness, campuses.</summary>
    public WorldSeries Series { get; }

    /// <summary>Ties that predate the run (ties.csv): diasporas, labour migrants, co-ethnic groups, tuition.</summary>
    public WorldTies Ties { get; }

    /// <summary>
    /// The value of <paramref name="variable"/> for an entity written as in series.csv (a country code, a pair such as
    /// <c>UZB-RUS</c>, or a university id) in <paramref name="year"/>: linear between given years, flat outside.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The entity is not in the world or has no such series.</exception>
    public double ValueAt(string entity, SeriesVariable variable, int year)
        => Series.ValueAt(SeriesEntityOf(entity), variable, year);

    /// <summary>The entity a series.csv text names.</summary>
    /// <exception cref="KeyNotFoundException">Not a country code, pair of codes or university id of this world (or ambiguous).</exception>
    public SeriesEntity SeriesEntityOf(string entity)
        => SeriesEntity.TryParse(entity, CountryIndex, UniversityIndex, out SeriesEntity parsed, out _)
            ? parsed
            : throw new KeyNotFoundException($"'{entity}' is not a country code, a pair of country codes or a university id of the world");

    /// <summary>
    /// The (origin, host) pairs with a host-government quota series (series.csv <c>scholarship_quota</c>), in index
    /// order: the quotas the engine awards each simulated year besides the <c>policies:hostQuota</c> levers.
    /// </summary>
    public IReadOnlyList<(int Origin, int Host)> ScholarshipQuotaPairs()
        => Series.Entities(SeriesVariable.ScholarshipQuota)
            .Where(e => e.Kind == SeriesEntityKind.Pair)
            .Select(e => (e.First, e.Second))
            .OrderBy(p => p.First).ThenBy(p => p.Second)
            .ToArray();

    /// <summary>Funded study places the host's government offers citizens of the origin in a year; null without a series.</summary>
    public double? ScholarshipQuota(int origin, int host, int year)
        => Series.TryValueAt(SeriesEntity.Pair(origin, host), SeriesVariable.ScholarshipQuota, year, out double places) ? places : null;

    /// <summary>
    /// The (origin, host) pairs whose visa barrier changes by year (series.csv <c>visa_barrier</c>), in index order;
    /// every other pair keeps <see cref="VisaBarrier"/> of pairs.csv in every year.
    /// </summary>
    public IReadOnlyList<(int Origin, int Host)> VisaBarrierPairs()
        => Series.Entities(SeriesVariable.VisaBarrier)
            .Select(e => (e.First, e.Second))
            .OrderBy(p => p.First).ThenBy(p => p.Second)
            .ToArray();

    /// <summary>The pair's visa barrier in a year: its series where there is one, else pairs.csv's value.</summary>
    public double VisaBarrierAt(int origin, int host, int year)
        => Series.TryValueAt(SeriesEntity.Pair(origin, host), SeriesVariable.VisaBarrier, year, out double barrier) ? barrier : VisaBarrier[origin, host];

    /// <summary>A country's tertiary enrolment (persons) in a year from the series; null without a series.</summary>
    public double? TertiaryEnrolmentAt(int country, int year)
        => Series.TryValueAt(SeriesEntity.Country(country), SeriesVariable.TertiaryEnrolment, year, out double persons) ? persons : null;

    public int CountryIndex(string code)
    {
        for (int i = 0; i < Countries.Count; i++)
        {
            if (string.Equals(Countries[i].Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public int UniversityIndex(string id)
    {
        for (int i = 0; i < Universities.Count; i++)
        {
            if (string.Equals(Universities[i].Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public int LanguageIndex(string code)
    {
        for (int i = 0; i < Languages.Count; i++)
        {
            if (string.Equals(Languages[i], code, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public IEnumerable<int> MemberIndices()
    {
        for (int i = 0; i < Countries.Count; i++)
        {
            if (Countries[i].IsMember)
            {
                yield return i;
            }
        }
    }
}
