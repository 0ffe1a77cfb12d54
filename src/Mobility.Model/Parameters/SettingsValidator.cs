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
    /// <see cref="MinCohortAgents"/> agents at least in every member's Bachelor cohort of every simulated year (cohorts
    /// change monotonically with the years, so the first and the last year bound them). Checked once the scale, the
    /// horizon and the entry rates are valid on their own.
    /// </summary>
    private static void ValidateScale(Checker v, ScenarioInfo info, EntryCoefficients entry)
    {
        if (v.Problems.Count > 0 || !(info.Scale > 0) || !double.IsFinite(info.Scale))
        {
            return;
        }

        int first = info.StartYear - info.SpinUpYears;
        var smallest = v.World.Countries.Where(c => c.IsMember)
            .SelectMany(c => new[] { first, info.EndYear }.Select(year => (Country: c, Year: year, Persons: entry.CohortPersons(c, year, info.StartYear))))
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
    }

    private static void ValidateCreditMobility(Checker v, CreditMobilityCoefficients c)
    {
        v.Finite("creditMobility:c0", c.C0);
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

    private static void ValidatePolicies(Checker v, PolicySettings p)
    {
        foreach (var (name, x) in p.RegionalCreditRecognition)
        {
            string path = $"policies:regionalCreditRecognition:{name}";
            v.Timeline(path, x);
            v.Members($"{path}:countries", x.Countries);
            v.Unit($"{path}:level", x.Level);
        }

        foreach (var (name, x) in p.RegionalMobilityGrants)
        {
            string path = $"policies:regionalMobilityGrants:{name}";
            v.Timeline(path, x);
            v.Members($"{path}:countries", x.Countries);
            v.NonNegative($"{path}:grantsPerYear", x.GrantsPerYear);
            v.NonNegative($"{path}:amountUsd", x.AmountUsd);
            if (x.Kind is not ("credit" or "degree" or "both"))
            {
                v.Add($"{path}:kind must be credit, degree or both (was '{x.Kind}')");
            }

            v.Unit($"{path}:scholarShare", x.ScholarShare);
        }

        foreach (var (name, x) in p.VisaFacilitation)
        {
            string path = $"policies:visaFacilitation:{name}";
            v.Timeline(path, x);
            v.Members($"{path}:countries", x.Countries);
            v.Unit($"{path}:reduction", x.Reduction);
        }

        foreach (var (name, x) in p.JointDegrees)
        {
            string path = $"policies:jointDegrees:{name}";
            v.Timeline(path, x);
            foreach (var (pair, count) in x.Programmes)
            {
                v.CountryPair($"{path}:programmes", pair);
                if (count < 0)
                {
                    v.Add($"{path}:programmes:{pair} must be >= 0 (was {count})");
                }
            }

            if (x.FullEffectProgrammes < 1)
            {
                v.Add($"{path}:fullEffectProgrammes must be >= 1 (was {x.FullEffectProgrammes})");
            }

            v.Unit($"{path}:recognitionGain", x.RecognitionGain);
        }

        foreach (var (name, x) in p.EducationExport)
        {
            string path = $"policies:educationExport:{name}";
            v.Timeline(path, x);
            v.Country($"{path}:country", x.Country);
            v.Range($"{path}:foreignSeatsGrowth", x.ForeignSeatsGrowth, -1, double.PositiveInfinity, minExclusive: true);
            v.Unit($"{path}:tuitionDiscount", x.TuitionDiscount);
            v.Unit($"{path}:englishTaughtShare", x.EnglishTaughtShare);
            foreach (var (campusId, campus) in x.BranchCampuses)
            {
                string campusPath = $"{path}:branchCampuses:{campusId}";
                if (v.World.UniversityIndex(campusId) >= 0)
                {
                    v.Add($"{path}:branchCampuses: campus id '{campusId}' is already a university id in the world data; choose a new id");
                }

                if (string.IsNullOrEmpty(campus.Parent))
                {
                    v.Add($"{campusPath}:parent must name the parent university's id");
                }
                else if (v.World.UniversityIndex(campus.Parent) < 0)
                {
                    v.Add($"{campusPath}:parent '{campus.Parent}' is not a university id in the world data");
                }

                v.NonNegative($"{campusPath}:capacity", campus.Capacity);
                v.NonNegative($"{campusPath}:foreignSeats", campus.ForeignSeats);
                if (campus.ForeignSeats > campus.Capacity)
                {
                    v.Add($"{campusPath}:foreignSeats ({Checker.Format(campus.ForeignSeats)}) must not exceed {campusPath}:capacity ({Checker.Format(campus.Capacity)})");
                }

                v.NonNegative($"{campusPath}:tuitionUsd", campus.TuitionUsd);
                if (campus.Opens is int opens)
                {
                    v.Year($"{campusPath}:opens", opens);
                    if (opens < x.Start)
                    {
                        v.Add($"{campusPath}:opens ({opens}) must not be before {path}:start ({x.Start})");
                    }
                }
            }
        }

        foreach (var (name, x) in p.NationalScholarship)
        {
            string path = $"policies:nationalScholarship:{name}";
            v.Timeline(path, x);
            v.Country($"{path}:country", x.Country);
            v.NonNegative($"{path}:awardsPerYear", x.AwardsPerYear);
            if (x.EligibleTopRank < 0)
            {
                v.Add($"{path}:eligibleTopRank must be >= 0 (0 = any university) (was {x.EligibleTopRank})");
            }

            if (x.ReturnObligationYears < 0)
            {
                v.Add($"{path}:returnObligationYears must be >= 0 (was {x.ReturnObligationYears})");
            }

            for (int i = 0; i < x.Levels.Length; i++)
            {
                if (!Levels.Contains(x.Levels[i], StringComparer.OrdinalIgnoreCase))
                {
                    v.Add($"{path}:levels:{i} must be Bachelor, Master or Phd (was '{x.Levels[i]}')");
                }
            }

            for (int i = 0; i < x.Destinations.Length; i++)
            {
                v.Country($"{path}:destinations:{i}", x.Destinations[i]);
            }
        }

        foreach (var (name, x) in p.HostQuota)
        {
            string path = $"policies:hostQuota:{name}";
            v.Timeline(path, x);
            bool host = v.Country($"{path}:host", x.Host);
            bool origin = v.Country($"{path}:origin", x.Origin);
            if (host && origin && string.Equals(x.Host, x.Origin, StringComparison.OrdinalIgnoreCase))
            {
                v.Add($"{path}:origin must differ from {path}:host (both '{x.Host}')");
            }

            v.NonNegative($"{path}:seatsPerYear", x.SeatsPerYear);
        }

        foreach (var (name, x) in p.DestinationShock)
        {
            string path = $"policies:destinationShock:{name}";
            v.Timeline(path, x);
            v.Country($"{path}:country", x.Country);
            v.Unit($"{path}:attractivenessMultiplier", x.AttractivenessMultiplier);
        }

        foreach (var (name, x) in p.QualityInvestment)
        {
            string path = $"policies:qualityInvestment:{name}";
            v.Timeline(path, x);
            if (string.IsNullOrEmpty(x.Country) && x.Universities.Length == 0)
            {
                v.Add($"{path} must set country or universities");
            }

            if (!string.IsNullOrEmpty(x.Country))
            {
                v.Country($"{path}:country", x.Country);
            }

            for (int i = 0; i < x.Universities.Length; i++)
            {
                if (v.World.UniversityIndex(x.Universities[i]) < 0)
                {
                    v.Add($"{path}:universities:{i} '{x.Universities[i]}' is not a university id in the world data");
                }
            }

            v.Finite($"{path}:reputationGainPerYear", x.ReputationGainPerYear);
            v.Finite($"{path}:citationsGainPerYear", x.CitationsGainPerYear);
            v.NonNegative($"{path}:costUsdPerYear", x.CostUsdPerYear);
        }
    }

    private static readonly string[] Levels = ["Bachelor", "Master", "Phd"];

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

        public void Range(string path, double value, double min, double max, bool minExclusive = false)
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
            Add($"{path} must be {expectation} (was {Format(value)})");
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

        public void Timeline(string path, PolicyTimeline timeline)
        {
            if (timeline.Start != 0)
            {
                Year($"{path}:start", timeline.Start);
            }

            if (timeline.End is int end)
            {
                Year($"{path}:end", end);
                if (end < timeline.Start)
                {
                    Add($"{path}:end ({end}) must not be before {path}:start ({timeline.Start})");
                }
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
