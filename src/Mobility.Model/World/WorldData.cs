namespace Mobility.Model.World;

/// <summary>
/// The static world a run starts from: countries, universities and the matrices over country pairs.
/// Matrices are indexed [origin, destination] by country index.
/// </summary>
public sealed class WorldData
{
    public WorldData(
        IReadOnlyList<Country> countries,
        IReadOnlyList<University> universities,
        IReadOnlyList<string> languages,
        double[,] visaBarrier,
        double[,] baselineImage,
        bool[,] agreement)
    {
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
    }

    public IReadOnlyList<Country> Countries { get; }

    public IReadOnlyList<University> Universities { get; }

    /// <summary>ISO 639-1 codes; a language's index is its bit in <see cref="LanguageSet"/>.</summary>
    public IReadOnlyList<string> Languages { get; }

    public double[,] VisaBarrier { get; }

    public double[,] BaselineImage { get; }

    public bool[,] Agreement { get; }

    public double[,] DistanceKm { get; }

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
