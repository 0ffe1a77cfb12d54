namespace Mobility.Model.Parameters;

using System.Globalization;
using System.Text.RegularExpressions;
using Mobility.Model.Policies;
using Mobility.Model.World;

/// <summary>
/// Checks bound settings against each other and against the world (ranges, horizon, known country codes and
/// university ids, membership of the region). Pure: no I/O. Every problem names its configuration path in the
/// camelCase of the JSON files, e.g. <c>policies:nationalScholarship:bolashak:awardsPerYear must be >= 0 (was -5)</c>.
/// </summary>
public static partial class SettingsValidator
{
    /// <summary>
    /// The fewest agents a member's Bachelor cohort may have in any simulated year: at a coarser scale the cohorts are
    /// a handful of agents, stochastic rounding dominates every count, and at <c>--scale 1e9</c> nobody is simulated at all.
    /// </summary>
    public const int MinCohortAgents = 10;

    /// <summary>Earliest and latest years a scenario may cover.</summary>
    public const int MinYear = 1950;

    public const int MaxYear = 2200;

    public static IReadOnlyList<string> Validate(ScenarioSettings s, WorldData world)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(world);
        var v = new Checker(world);

        ValidateScenario(v, s.Scenario);
        ValidateEntry(v, s.Entry);
        ValidateScale(v, s.Scenario, s.Entry);
        ValidateDegreeMobility(v, s.DegreeMobility);
        ValidateChoice(v, s.Choice);
        ValidateCreditMobility(v, s.CreditMobility);
        v.Range("admission:fullAidShareOfCohort", s.Admission.FullAidShareOfCohort, 0, 1, minExclusive: true);
        v.Unit("admission:seatExpansionRate", s.Admission.SeatExpansionRate);
        v.Positive("admission:feeReferenceUsd", s.Admission.FeeReferenceUsd);
        ValidateStudy(v, s.Study);
        ValidateGraduation(v, s.Graduation);
        ValidateScholars(v, s.Scholars);
        ValidateRankings(v, s.Rankings);
        v.Unit("image:lambda", s.Image.Lambda);
        v.Positive("image:k", s.Image.K);
        ValidateSoftPower(v, s.SoftPower);
        ValidatePolicies(v, s.Policies);
        return v.Problems;
    }

    private static void ValidateScenario(Checker v, ScenarioInfo info)
    {
        if (!ScenarioNamePattern().IsMatch(info.Name))
        {
            v.Add($"scenario:name must be letters, digits, '.', '_' or '-' (it names the output folder and the run id) (was '{info.Name}')");
        }

        if (string.IsNullOrWhiteSpace(info.World))
        {
            v.Add("scenario:world must name the folder of the world CSV files");
        }

        v.Year("scenario:startYear", info.StartYear);
        v.Year("scenario:endYear", info.EndYear);
        if (info.EndYear < info.StartYear)
        {
            v.Add($"scenario:endYear ({info.EndYear}) must not be before scenario:startYear ({info.StartYear})");
        }

        if (info.SpinUpYears < 0)
        {
            v.Add($"scenario:spinUpYears must be >= 0 (was {info.SpinUpYears})");
        }

        v.Positive("scenario:scale", info.Scale);
    }

    /// <summary>
    /// <see cref="MinCohortAgents"/> agents at least in every member's Bachelor cohort of every simulated year (every year
    /// is checked: the history follows the enrolment series, which need not be monotonic). Checked once the scale, the
    /// horizon and the entry rates are valid on their own.
    /// </summary>
    private static void ValidateScale(Checker v, ScenarioInfo info, EntryCoefficients entry)
    {
        if (v.Problems.Count > 0 || !(info.Scale > 0) || !double.IsFinite(info.Scale))
        {
            return;
        }

        int first = info.StartYear - info.SpinUpYears;
        var world = v.World;
        var smallest = Enumerable.Range(0, world.Countries.Count).Where(c => world.Countries[c].IsMember)
            .SelectMany(c => Enumerable.Range(first, info.EndYear - first + 1).Select(year =>
                (Country: world.Countries[c], Year: year, Persons: entry.CohortPersons(world.Countries[c], year, info.StartYear, world.TertiaryEnrolmentAt(c, year)))))
            .Where(x => x.Persons > 0)
            .MinBy(x => x.Persons);
        if (smallest.Country is null || smallest.Persons / info.Scale >= MinCohortAgents)
        {
            return;
        }

        double agents = smallest.Persons / info.Scale;
        v.Add(string.Create(CultureInfo.InvariantCulture,
            $"scenario:scale {Checker.Format(info.Scale)} leaves {smallest.Country.Name} ({smallest.Country.Code}) a Bachelor cohort of "
            + $"{agents.ToString(agents >= 1 ? "0.##" : "0.#########", CultureInfo.InvariantCulture)} agents in {smallest.Year} ({smallest.Persons:N0} persons); "
            + $"every member's cohort needs at least {MinCohortAgents} agents in every simulated year, so with this world and these entry rates "
            + $"scenario:scale must be at most {Math.Floor(smallest.Persons / MinCohortAgents):0}"));
    }

    private static void ValidateEntry(Checker v, EntryCoefficients e)
    {
        v.Unit("entry:rate", e.Rate);
        v.CountryDictionary("entry:rateByCountry", e.RateByCountry, (path, value) => v.Unit(path, value));
        v.Range("entry:growth", e.Growth, -1, double.PositiveInfinity, minExclusive: true);
        v.CountryDictionary("entry:growthByCountry", e.GrowthByCountry, (path, value) => v.Range(path, value, -1, double.PositiveInfinity, minExclusive: true));
        v.Range("entry:historyElasticity", e.HistoryElasticity, 0, 2);
        v.Unit("entry:masterTransition", e.MasterTransition);
        v.Unit("entry:phdTransition", e.PhdTransition);
        v.Unit("entry:englishShare", e.EnglishShare);
        v.Finite("entry:englishSlope", e.EnglishSlope);
        v.NonNegative("entry:inboundLevels:bachelor", e.InboundLevels.Bachelor);
        v.NonNegative("entry:inboundLevels:master", e.InboundLevels.Master);
        v.NonNegative("entry:inboundLevels:phd", e.InboundLevels.Phd);
        if (!(e.InboundLevels.Bachelor + e.InboundLevels.Master + e.InboundLevels.Phd > 0))
        {
            v.Add("entry:inboundLevels must have at least one share > 0");
        }
    }

    private static void ValidateDegreeMobility(Checker v, DegreeMobilityCoefficients d)
    {
        v.Finite("degreeMobility:a0", d.A0);
        v.Finite("degreeMobility:aAbility", d.AAbility);
        v.Finite("degreeMobility:aResources", d.AResources);
        v.Finite("degreeMobility:aGap", d.AGap);
        v.Finite("degreeMobility:aNetwork", d.ANetwork);
        v.Finite("degreeMobility:aDiaspora", d.ADiaspora);
        v.Finite("degreeMobility:aExitPermit", d.AExitPermit);
        v.Finite("degreeMobility:aAid", d.AAid);
        v.CountryDictionary("degreeMobility:originShift", d.OriginShift, v.Finite);
        v.Finite("degreeMobility:outsideOptionUtility", d.OutsideOptionUtility);
    }

    private static void ValidateChoice(Checker v, ChoiceCoefficients c)
    {
        if (c.MaxChoices < 1)
        {
            v.Add($"choice:maxChoices must be >= 1 (was {c.MaxChoices})");
        }

        v.Finite("choice:bQuality", c.BQuality);
        v.Finite("choice:bDistance", c.BDistance);
        v.Finite("choice:bLanguage", c.BLanguage);
        v.Finite("choice:bCost", c.BCost);
        v.Finite("choice:bVisa", c.BVisa);
        v.Finite("choice:bImage", c.BImage);
        v.Finite("choice:bNetwork", c.BNetwork);
        v.Finite("choice:bDiaspora", c.BDiaspora);
        v.Finite("choice:bRecognition", c.BRecognition);
        v.Finite("choice:bSize", c.BSize);
        v.Positive("choice:budgetMinUsd", c.BudgetMinUsd);
        if (c.BudgetMaxUsd < c.BudgetMinUsd)
        {
            v.Add($"choice:budgetMaxUsd ({Checker.Format(c.BudgetMaxUsd)}) must not be below choice:budgetMinUsd ({Checker.Format(c.BudgetMinUsd)})");
        }

        if (c.ResourceBands < 1)
        {
            v.Add($"choice:resourceBands must be >= 1 (was {c.ResourceBands})");
        }

        v.CountryDictionary("choice:destinationShift", c.DestinationShift, v.Finite);
        v.PairDictionary("choice:pairShift", c.PairShift);
        v.PairDictionary("choice:scholarshipPairShift", c.ScholarshipPairShift);
    }

    private static void ValidateCreditMobility(Checker v, CreditMobilityCoefficients c)
    {
        v.Finite("creditMobility:c0", c.C0);
        v.CountryDictionary("creditMobility:originShift", c.OriginShift, v.Finite);
        v.PairDictionary("creditMobility:pairShift", c.PairShift);
        v.Finite("creditMobility:cRecognition", c.CRecognition);
        v.Finite("creditMobility:cGrant", c.CGrant);
        v.Finite("creditMobility:cAbility", c.CAbility);
        v.Unit("creditMobility:baseRecognition", c.BaseRecognition);
        v.Unit("creditMobility:exchangeSeatShare", c.ExchangeSeatShare);
        v.Unit("creditMobility:semesterShare", c.SemesterShare);
    }

    private static void ValidateStudy(Checker v, StudyCoefficients s)
    {
        v.NonNegative("study:s0", s.S0);
        v.Range("study:sAbroad", s.SAbroad, -1, double.PositiveInfinity);
        v.Unit("study:eta", s.Eta);
        v.Finite("study:satisfactionQualityWeight", s.SatisfactionQualityWeight);
        v.NonNegative("study:satisfactionSd", s.SatisfactionSd);
        v.Unit("study:dropoutHazard", s.DropoutHazard);
        v.NonNegative("study:fundedDropoutFactor", s.FundedDropoutFactor);
        v.NonNegative("study:abroadDropoutFactor", s.AbroadDropoutFactor);
    }

    private static void ValidateGraduation(Checker v, GraduationCoefficients g)
    {
        v.Finite("graduation:g0", g.G0);
        v.Finite("graduation:gWage", g.GWage);
        v.Finite("graduation:gObligation", g.GObligation);
        v.Finite("graduation:gPsw", g.GPsw);
        v.Finite("graduation:gRegion", g.GRegion);
    }

    private static void ValidateScholars(Checker v, ScholarCoefficients s)
    {
        v.Finite("scholars:h0", s.H0);
        v.Finite("scholars:hGrant", s.HGrant);
        v.Finite("scholars:hAgreement", s.HAgreement);
        v.Finite("scholars:hJoint", s.HJoint);
        v.Finite("scholars:hProductivity", s.HProductivity);
        v.Finite("scholars:bResearch", s.BResearch);
        v.Finite("scholars:bLanguage", s.BLanguage);
        v.Finite("scholars:bDistance", s.BDistance);
        v.Finite("scholars:bVisa", s.BVisa);
        v.Unit("scholars:englishShare", s.EnglishShare);
        v.Unit("scholars:linkDecay", s.LinkDecay);
    }

    private static void ValidateRankings(Checker v, RankingCoefficients r)
    {
        (string Path, double Value)[] weights =
        [
            ("rankings:weightAcademicReputation", r.WeightAcademicReputation),
            ("rankings:weightEmployerReputation", r.WeightEmployerReputation),
            ("rankings:weightFacultyStudent", r.WeightFacultyStudent),
            ("rankings:weightCitations", r.WeightCitations),
            ("rankings:weightInternationalFaculty", r.WeightInternationalFaculty),
            ("rankings:weightInternationalStudents", r.WeightInternationalStudents),
            ("rankings:weightInternationalResearchNetwork", r.WeightInternationalResearchNetwork),
            ("rankings:weightEmploymentOutcomes", r.WeightEmploymentOutcomes),
            ("rankings:weightSustainability", r.WeightSustainability),
        ];
        foreach (var (path, value) in weights)
        {
            v.NonNegative(path, value);
        }

        if (!(weights.Sum(w => w.Value) > 0))
        {
            v.Add("rankings: the nine indicator weights must not all be 0");
        }

        v.Positive("rankings:fullScoreIntlStudentShare", r.FullScoreIntlStudentShare);
        v.Positive("rankings:fullScoreIntlFacultyShare", r.FullScoreIntlFacultyShare);
        v.Positive("rankings:fullScoreStaffPerStudent", r.FullScoreStaffPerStudent);
        v.NonNegative("rankings:networkGainPerLogLink", r.NetworkGainPerLogLink);
        v.NonNegative("rankings:citationsPerNetworkPoint", r.CitationsPerNetworkPoint);
        v.NonNegative("rankings:reputationPerResearchPoint", r.ReputationPerResearchPoint);
        v.Finite("rankings:employerReputationPerSkill", r.EmployerReputationPerSkill);
        v.Unit("rankings:reputationSmoothing", r.ReputationSmoothing);
        v.Unit("rankings:citationsSmoothing", r.CitationsSmoothing);
    }

    private static void ValidateSoftPower(Checker v, SoftPowerWeights w)
    {
        v.NonNegative("softPower:regionalImage", w.RegionalImage);
        v.NonNegative("softPower:globalImage", w.GlobalImage);
        v.NonNegative("softPower:rankings", w.Rankings);
        v.NonNegative("softPower:inboundStudents", w.InboundStudents);
        v.NonNegative("softPower:exportRevenue", w.ExportRevenue);
        if (!(w.RegionalImage + w.GlobalImage + w.Rankings + w.InboundStudents + w.ExportRevenue > 0))
        {
            v.Add("softPower: the component weights must not all be 0");
        }

        v.Positive("softPower:inboundReference", w.InboundReference);
        v.Positive("softPower:revenueReferenceUsd", w.RevenueReferenceUsd);
        v.Range("softPower:worstRank", w.WorstRank, 1, double.PositiveInfinity, minExclusive: true);
    }

    /// <summary>
    /// Every instance of every lever: each setting against its descriptor (the same descriptors a user interface
    /// shows), then the lever's own checks, then pairs of instances that contradict each other in a common year.
    /// </summary>
    private static void ValidatePolicies(Checker v, PolicySettings p)
    {
        foreach (var kind in PolicySettings.Levers)
        {
            var instances = kind.Instances(p).ToList();
            foreach (var (instance, lever) in instances)
            {
                string path = instance.Path;
                v.Settings(path, kind.Settings, lever);
                if (lever.End is int end && end < lever.Start)
                {
                    v.Add($"{path}:end ({end}) must not be before {path}:start ({lever.Start})");
                }

                lever.Check(new LeverCheck(path, v.World, v.Add));
            }

            for (int i = 0; i < instances.Count; i++)
            {
                for (int j = i + 1; j < instances.Count; j++)
                {
                    var (a, b) = (instances[i], instances[j]);
                    if (a.Lever.Contradicts(b.Lever) && CommonYear(a.Lever, b.Lever) is int year)
                    {
                        v.Add($"{a.Instance.Path} and {b.Instance.Path} contradict each other in {year}, when both are in force; "
                            + $"end one before the other starts (set {a.Instance.Path}:end or {b.Instance.Path}:end)");
                    }
                }
            }
        }
    }

    /// <summary>The first year both timelines are in force, or null.</summary>
    private static int? CommonYear(PolicyTimeline a, PolicyTimeline b)
    {
        int first = Math.Max(a.Start, b.Start);
        int last = Math.Min(a.End ?? int.MaxValue, b.End ?? int.MaxValue);
        return first <= last ? first : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ScenarioNamePattern();

    [GeneratedRegex("^([A-Za-z]{3})-([A-Za-z]{3})$")]
    private static partial Regex CountryPairPattern();

    private sealed class Checker(WorldData world)
    {
        public WorldData World { get; } = world;

        public List<string> Problems { get; } = [];

        public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

        public void Add(string problem) => Problems.Add(problem);

        public void Finite(string path, double value)
        {
            if (!double.IsFinite(value))
            {
                Add($"{path} must be a finite number (was {Format(value)})");
            }
        }

        /// <param name="unit">Named after the bounds when set, e.g. "persons per year".</param>
        public void Range(string path, double value, double min, double max, bool minExclusive = false, string unit = "")
        {
            bool ok = (minExclusive ? value > min : value >= min) && value <= max;
            if (ok)
            {
                return;
            }

            string lo = Format(min);
            string expectation = double.IsPositiveInfinity(max)
                ? $"{(minExclusive ? ">" : ">=")} {lo}"
                : minExclusive ? $"> {lo} and <= {Format(max)}" : $"between {lo} and {Format(max)}";
            Add($"{path} must be {expectation}{(unit.Length > 0 ? " " + unit : "")} (was {Format(value)})");
        }

        public void Unit(string path, double value) => Range(path, value, 0, 1);

        public void NonNegative(string path, double value) => Range(path, value, 0, double.PositiveInfinity);

        public void Positive(string path, double value) => Range(path, value, 0, double.PositiveInfinity, minExclusive: true);

        public void Year(string path, int year)
        {
            if (year < MinYear || year > MaxYear)
            {
                Add($"{path} must be a year between {MinYear} and {MaxYear} (was {year})");
            }
        }

        /// <summary>Checks each of <paramref name="descriptors"/> on a settings object (a lever instance, a branch campus) at <paramref name="path"/>.</summary>
        public void Settings(string path, IReadOnlyList<SettingDescriptor> descriptors, object settings)
        {
            foreach (var d in descriptors)
            {
                string at = $"{path}:{d.Key}";
                object? value = d.ValueOf(settings);
                switch (d.Type)
                {
                    case SettingType.Number:
                        Range(at, (double)value!, d.Minimum!.Value, d.Maximum!.Value, d.MinimumExclusive, d.Unit);
                        break;
                    case SettingType.WholeNumber:
                        Range(at, (int)value!, d.Minimum!.Value, d.Maximum!.Value, unit: d.Unit);
                        break;
                    case SettingType.Year:
                        if (value is int year && !(d.Optional && year == 0))
                        {
                            Year(at, year);
                        }

                        break;
                    case SettingType.Choice:
                        Choice(at, (string)value!, d.AllowedValues);
                        break;
                    case SettingType.Choices:
                        var choices = (string[])value!;
                        for (int i = 0; i < choices.Length; i++)
                        {
                            Choice($"{at}:{i}", choices[i], d.AllowedValues);
                        }

                        break;
                    case SettingType.Country:
                        if (!(d.Optional && string.IsNullOrEmpty((string)value!)))
                        {
                            Country(at, (string)value!);
                        }

                        break;
                    case SettingType.Countries:
                        var codes = (string[])value!;
                        for (int i = 0; i < codes.Length; i++)
                        {
                            Country($"{at}:{i}", codes[i]);
                        }

                        break;
                    case SettingType.Members:
                        Members(at, (string[])value!);
                        break;
                    case SettingType.University:
                        University(at, (string)value!);
                        break;
                    case SettingType.Universities:
                        var ids = (string[])value!;
                        for (int i = 0; i < ids.Length; i++)
                        {
                            University($"{at}:{i}", ids[i]);
                        }

                        break;
                    case SettingType.CountryPairs:
                        foreach (var (pair, count) in (Dictionary<string, int>)value!)
                        {
                            CountryPair(at, pair);
                            Range($"{at}:{pair}", count, d.Minimum!.Value, d.Maximum!.Value, unit: d.Unit);
                        }

                        break;
                    case SettingType.Entries:
                        foreach (var (id, entry) in (IEnumerable<KeyValuePair<string, object>>)value!)
                        {
                            Settings($"{at}:{id}", d.Entries, entry);
                        }

                        break;
                    case SettingType.Boolean:
                        break;
                    default:
                        throw new InvalidOperationException($"{at}: no check for settings of type {d.Type}");
                }
            }
        }

        public void Choice(string path, string value, IReadOnlyList<string> allowed)
        {
            if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                Add($"{path} must be {SettingChoice.Describe(allowed)} (was '{value}')");
            }
        }

        public void University(string path, string id)
        {
            if (string.IsNullOrEmpty(id))
            {
                Add($"{path} must name a university id of the world data");
            }
            else if (World.UniversityIndex(id) < 0)
            {
                Add($"{path} '{id}' is not a university id in the world data");
            }
        }

        /// <summary>Reports an unknown code; returns whether it is a known country.</summary>
        public bool Country(string path, string code)
        {
            if (string.IsNullOrEmpty(code))
            {
                Add($"{path} must be set to a country code");
                return false;
            }

            if (World.CountryIndex(code) < 0)
            {
                Add($"{path} '{code}' is not a country in the world data");
                return false;
            }

            return true;
        }

        public void Members(string path, string[] codes)
        {
            for (int i = 0; i < codes.Length; i++)
            {
                int index = World.CountryIndex(codes[i]);
                if (index < 0)
                {
                    Add($"{path}:{i} '{codes[i]}' is not a country in the world data");
                }
                else if (!World.Countries[index].IsMember)
                {
                    Add($"{path}:{i} '{codes[i]}' is not a member of the region (CentralAsia)");
                }
            }
        }

        /// <summary>Origin-destination constants (path:ORIGIN:DESTINATION): both codes countries of the world, every value finite.</summary>
        public void PairDictionary(string path, Dictionary<string, Dictionary<string, double>> values)
        {
            foreach (var (origin, shifts) in values)
            {
                if (World.CountryIndex(origin) < 0)
                {
                    Add($"{path}:{origin}: '{origin}' is not a country in the world data");
                }

                CountryDictionary(path + ":" + origin, shifts, Finite);
            }
        }

        public void CountryDictionary(string path, Dictionary<string, double> values, Action<string, double> checkValue)
        {
            foreach (var (code, value) in values)
            {
                if (World.CountryIndex(code) < 0)
                {
                    Add($"{path}:{code}: '{code}' is not a country in the world data");
                }

                checkValue($"{path}:{code}", value);
            }
        }

        public void CountryPair(string path, string key)
        {
            var match = CountryPairPattern().Match(key);
            if (!match.Success)
            {
                Add($"{path}:{key}: key must be two country codes joined by '-', e.g. KAZ-UZB (was '{key}')");
                return;
            }

            string a = match.Groups[1].Value;
            string b = match.Groups[2].Value;
            foreach (string code in new[] { a, b })
            {
                if (World.CountryIndex(code) < 0)
                {
                    Add($"{path}:{key}: '{code}' is not a country in the world data");
                }
            }

            if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                Add($"{path}:{key}: the two countries must differ");
            }
        }
    }
}
