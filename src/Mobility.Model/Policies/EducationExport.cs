namespace Mobility.Model.Policies;

using Mobility.Model.World;

/// <summary>A country's drive to host more foreign students.</summary>
public sealed class EducationExport : PolicyLever
{
    public string Country { get; set; } = "";

    /// <summary>Yearly relative growth of foreign seats while active (compounded from the start year).</summary>
    public double ForeignSeatsGrowth { get; set; }

    /// <summary>Relative tuition discount for foreign students (0..1).</summary>
    public double TuitionDiscount { get; set; }

    /// <summary>Share of programmes taught in English (0..1): English speakers find that share taught in their language.</summary>
    public double EnglishTaughtShare { get; set; }

    /// <summary>Branch campuses of external universities opened in the country, keyed by a new campus id.</summary>
    public Dictionary<string, BranchCampus> BranchCampuses { get; set; } = new();

    public override LeverDescription Describe() => new(
        "A country's drive to host more foreign students: more foreign seats, a tuition discount, English-taught programmes, branch campuses.",
        new SettingList<EducationExport>()
            .Country(x => x.Country, "the host country")
            .Number(x => x.ForeignSeatsGrowth, -1, 1, "per year", "relative growth of foreign seats a year, compounded from the start year (0.1 = +10 %)", minimumExclusive: true)
            .Number(x => x.TuitionDiscount, 0, 1, "", "relative tuition discount for foreign students")
            .Number(x => x.EnglishTaughtShare, 0, 1, "", "share of programmes taught in English (English speakers find that share in their language)")
            .Entries(x => x.BranchCampuses, "branch campuses of external universities opened in the country, keyed by a new university id", campus => campus
                .University(x => x.Parent, "id of the parent university in universities.csv")
                .Number(x => x.Capacity, 0, LeverBounds.CampusPlaces, "persons", "student places")
                .Number(x => x.ForeignSeats, 0, LeverBounds.CampusPlaces, "persons", "places open to foreign students (at most the capacity)")
                .Number(x => x.TuitionUsd, 0, LeverBounds.UsdPerPerson, "USD per year", "yearly tuition")
                .Year(x => x.Opens, "opening year (unset = the lever's start)")));

    public override void Check(LeverCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        foreach (var (campusId, campus) in BranchCampuses)
        {
            string campusPath = check.At($"branchCampuses:{campusId}");
            if (check.World.UniversityIndex(campusId) >= 0)
            {
                check.Add($"{check.At("branchCampuses")}: campus id '{campusId}' is already a university id in the world data; choose a new id");
            }

            if (campus.ForeignSeats > campus.Capacity)
            {
                check.Add($"{campusPath}:foreignSeats ({LeverCheck.Format(campus.ForeignSeats)}) must not exceed {campusPath}:capacity ({LeverCheck.Format(campus.Capacity)})");
            }

            if (campus.Opens is int opens && opens < Start)
            {
                check.Add($"{campusPath}:opens ({opens}) must not be before {check.At("start")} ({Start})");
            }
        }
    }

    /// <summary>
    /// The branch campuses, in ordinal order of their ids: the parent's academic reputation, employer reputation and
    /// employment outcomes; for the six other indicators the mean of the parent's score and the host's mean score;
    /// the parent's languages and English; staff = capacity / 15; no published rank.
    /// </summary>
    public override IEnumerable<OpenedUniversity> OpenedUniversities(LeverInstance instance, WorldData world)
    {
        ArgumentNullException.ThrowIfNull(world);
        int host = world.CountryIndex(Country);
        int english = world.LanguageIndex("en");
        foreach (var (campusId, campus) in BranchCampuses.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parent = world.Universities[world.UniversityIndex(campus.Parent)];
            var hostMean = MeanIndicators(world, host);
            var data = new double[Indicators.Count];
            for (int k = 0; k < Indicators.Count; k++)
            {
                data[k] = k is (int)Indicator.AcademicReputation or (int)Indicator.EmployerReputation or (int)Indicator.EmploymentOutcomes
                    ? parent.Indicators[k]
                    : 0.5 * (parent.Indicators[k] + hostMean[k]);
            }

            var languages = english >= 0 ? parent.Languages.With(english) : parent.Languages;
            var university = new University(campusId, $"{parent.Name} ({world.Countries[host].Name} campus)", host, campus.Capacity,
                campus.ForeignSeats, campus.TuitionUsd, languages, Math.Max(1, campus.Capacity / 15), null, data, false);
            yield return new OpenedUniversity(university, campus.Opens ?? Start);
        }
    }

    /// <summary>seatMultiplier(h) *= (1 + growth)^(year - start + 1); discount and English share: the largest of the instances.</summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var state = year.State;
        int h = year.World.CountryIndex(Country);
        state.SeatMultiplier[h] *= Math.Pow(1 + ForeignSeatsGrowth, year.Year - Start + 1);
        state.TuitionDiscount[h] = Math.Max(state.TuitionDiscount[h], TuitionDiscount);
        state.EnglishTaughtShare[h] = Math.Max(state.EnglishTaughtShare[h], EnglishTaughtShare);
    }

    private static double[] MeanIndicators(WorldData world, int country)
    {
        var mean = new double[Indicators.Count];
        int n = 0;
        foreach (var u in world.Universities)
        {
            if (u.Country == country)
            {
                for (int k = 0; k < Indicators.Count; k++)
                {
                    mean[k] += u.Indicators[k];
                }

                n++;
            }
        }

        for (int k = 0; k < Indicators.Count; k++)
        {
            mean[k] = n > 0 ? mean[k] / n : 0;
        }

        return mean;
    }
}
