namespace Mobility.Engine.State;

using Mobility.Engine.Numerics;
using Mobility.Model.Agents;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>Everything that changes during a run, shared by the phases of a year.</summary>
internal sealed class SimulationState
{
    public SimulationState(WorldData world, ScenarioSettings settings, int threads)
    {
        World = world;
        Settings = settings;
        Seed = settings.Scenario.Seed;
        Scale = settings.Scenario.Scale;
        Parallel = new ChunkedParallel(threads);
        CountryCount = world.Countries.Count;
        Countries = world.Countries.ToArray();
        IsMember = Countries.Select(c => c.IsMember).ToArray();
        Universities = new UniversityTable(world, settings.Policies);
        Universities.FitRankCurve(settings.Rankings);
        for (int u = 0; u < Universities.Count; u++)
        {
            Universities.WorldRank[u] = Universities.EstimateRank(u);
        }

        int c = CountryCount;
        Image = (double[,])world.BaselineImage.Clone();
        Policies = new ActivePolicies(c);
        Measure = new YearMeasurement(c);
        AggregateUniversity = new int[c];
        Array.Fill(AggregateUniversity, -1);
        for (int u = 0; u < Universities.Count; u++)
        {
            if (Universities.IsAggregate[u])
            {
                AggregateUniversity[Universities.Country[u]] = u;
            }
        }

        for (int o = 0; o < c; o++)
        {
            if (AggregateUniversity[o] < 0)
            {
                AggregateUniversity[o] = Array.FindIndex(Universities.Country, x => x == o);
            }
        }

        StaffPersons = new double[c];
        for (int u = 0; u < Universities.Count; u++)
        {
            StaffPersons[Universities.Country[u]] += Universities.Staff[u];
        }

        EnglishLanguage = world.LanguageIndex("en");
        FirstYear = settings.Scenario.StartYear - settings.Scenario.SpinUpYears;
        Students = new StudentPopulation((int)Math.Min(int.MaxValue / 2, ProjectedEnrolment() / Scale * 1.3) + 1024);
        DomesticAlumni = new double[c];
        DomesticAlumniSkill = new double[c];
        Dropped = new double[c];
        AlumniStudiedIn = new double[c, c];
        ResidentAlumni = new double[c, c];
        ResidentAlumniAttitude = new double[c, c];
        MobileResidentCount = new double[c];
        MobileResidentSkill = new double[c];
        PreviousStocks = new double[c, c];
        Scholars = ScholarPopulationFactory.Create(this);
        Diaspora = new DiasporaNetwork(world);
        WorldYear = new WorldYear(world);
        SeatSupply = new SeatSupply(world, Universities, settings.Admission);
    }

    /// <summary>The ties that predate the run, as the diaspora network terms read them.</summary>
    public DiasporaNetwork Diaspora { get; }

    /// <summary>The world's series read for the current year (set by the policy phase).</summary>
    public WorldYear WorldYear { get; }

    /// <summary>Foreign seats per host by the supply rule (set by the policy phase, demand written by admission).</summary>
    public SeatSupply SeatSupply { get; }

    public WorldData World { get; }

    public ScenarioSettings Settings { get; }

    public ulong Seed { get; }

    public double Scale { get; }

    public ChunkedParallel Parallel { get; }

    public int CountryCount { get; }

    public Country[] Countries { get; }

    public bool[] IsMember { get; }

    public UniversityTable Universities { get; }

    /// <summary>Each country's "other institutions" row (students from external origins are enrolled there at home).</summary>
    public int[] AggregateUniversity { get; }

    public double[] StaffPersons { get; }

    public int FirstYear { get; }

    public int Year { get; set; }

    public bool IsSpinUp => Year < Settings.Scenario.StartYear;

    /// <summary>image(o, h): image of h held in o (0..1).</summary>
    public double[,] Image { get; }

    public ActivePolicies Policies { get; }

    public YearMeasurement Measure { get; }

    public StudentPopulation Students { get; }

    public ScholarPopulation Scholars { get; }

    public int NextAgentId { get; set; }

    public long AgentsEntered { get; set; }

    // Graduates who never studied abroad, kept as totals per country (agents).
    public double[] DomesticAlumni { get; }

    public double[] DomesticAlumniSkill { get; }

    public double[] Dropped { get; }

    // Mobile alumni (graduates who studied abroad) are kept as running totals only: an alumnus never changes after
    // graduation and the model reads nothing about one in particular, so the totals are exact and cost no memory
    // per person.

    /// <summary>Mobile alumni so far (agents): the ledger's and AlumniYears' count.</summary>
    public long MobileAlumni { get; set; }

    /// <summary>[o, h]: o's alumni who studied in h, wherever they live.</summary>
    public double[,] AlumniStudiedIn { get; }

    /// <summary>[o, h]: o's alumni of h who live in o (the carriers of h's image in o).</summary>
    public double[,] ResidentAlumni { get; }

    public double[,] ResidentAlumniAttitude { get; }

    /// <summary>Alumni with study abroad living in a country, and their skill.</summary>
    public double[] MobileResidentCount { get; }

    public double[] MobileResidentSkill { get; }

    /// <summary>Last year's stocks [o, h] (agents): the network terms use them.</summary>
    public double[,] PreviousStocks { get; }

    /// <summary>Bachelor entry cohort (persons) of a member in a year.</summary>
    public double CohortPersons(int country, int year)
        => IsMember[country] ? Settings.Entry.CohortPersons(Countries[country], year, Settings.Scenario.StartYear, World.TertiaryEnrolmentAt(country, year)) : 0;

    /// <summary>
    /// The members' tertiary enrolment (persons) grown at their entry cohorts' growth rates to the run's largest
    /// year: what the student arrays are sized for, so that they are allocated once. The 1.3 over it leaves room for
    /// a year's entrants, who join before that year's graduates leave, and for inbound students. Capacity that is
    /// never used is never written, so it costs address space, not memory.
    /// </summary>
    private double ProjectedEnrolment()
    {
        var scenario = Settings.Scenario;
        var entry = Settings.Entry;
        double total = 0;
        for (int o = 0; o < CountryCount; o++)
        {
            if (!IsMember[o])
            {
                continue;
            }

            double growth = entry.GrowthByCountry.TryGetValue(Countries[o].Code, out var g) ? g : entry.Growth;
            double factor = Math.Max(
                Math.Pow(1 + growth, FirstYear - scenario.StartYear),
                Math.Pow(1 + growth, scenario.EndYear - scenario.StartYear));
            total += Countries[o].TertiaryEnrolment * Math.Max(1, factor);
        }

        return total;
    }

    /// <summary>
    /// languageMatch of the choice model: 1 when the student speaks a language taught; for an English speaker
    /// otherwise, the share of programmes taught in English; else 0.
    /// </summary>
    public double LanguageMatch(int origin, bool english, LanguageSet taught, double englishShare)
    {
        if (Countries[origin].Languages.Overlaps(taught)
            || (english && EnglishLanguage >= 0 && taught.Contains(EnglishLanguage)))
        {
            return 1;
        }

        return english ? englishShare : 0;
    }

    /// <summary>Index of English in the language registry, or -1.</summary>
    public int EnglishLanguage { get; }

    /// <summary>
    /// Every part of the state that a year changes and a later year reads, as named columns: captured at the end of a
    /// year, or written back into a state built for the same scenario so that the next year runs exactly as it would
    /// have. What each year recomputes from scratch (the policies in force, the year's tallies, the choice tables)
    /// is not listed.
    /// </summary>
    public void Exchange(StateColumns c)
    {
        Year = (int)c.Scalar("year", Year);
        NextAgentId = (int)c.Scalar("nextAgentId", NextAgentId);
        AgentsEntered = c.Scalar("agentsEntered", AgentsEntered);
        MobileAlumni = c.Scalar("mobileAlumni", MobileAlumni);

        var st = Students;
        int n = (int)c.Scalar("students.count", st.Count);
        st.EnsureCapacity(n);
        st.Count = n;
        c.Column("students.id", st.Id, n);
        c.Column("students.origin", st.Origin, n);
        c.Column("students.home", st.Home, n);
        c.Column("students.host", st.Host, n);
        c.Column("students.level", st.Level, n);
        c.Column("students.status", st.Status, n);
        c.Column("students.yearInProgramme", st.YearInProgramme, n);
        c.Column("students.funding", st.Funding, n);
        c.Column("students.obligation", st.Obligation, n);
        c.Column("students.abroadCountry", st.AbroadCountry, n);
        c.Column("students.flags", st.Flags, n);
        c.Column("students.ability", st.Ability, n);
        c.Column("students.resources", st.Resources, n);
        c.Column("students.skill", st.Skill, n);
        c.Column("students.attitude", st.Attitude, n);

        var sc = Scholars;
        c.Column("scholars.id", sc.Id);
        c.Column("scholars.country", sc.Country);
        c.Column("scholars.university", sc.University);
        c.Column("scholars.productivity", sc.Productivity);
        c.Column("scholars.host", sc.Host);
        c.Column("scholars.visitYearsLeft", sc.VisitYearsLeft);
        c.Column("scholars.links", sc.Links);
        c.Column("scholars.flags", sc.Flags);

        c.Column("image", Image);
        c.Column("domesticAlumni", DomesticAlumni);
        c.Column("domesticAlumniSkill", DomesticAlumniSkill);
        c.Column("dropped", Dropped);
        c.Column("alumniStudiedIn", AlumniStudiedIn);
        c.Column("residentAlumni", ResidentAlumni);
        c.Column("residentAlumniAttitude", ResidentAlumniAttitude);
        c.Column("mobileResidentCount", MobileResidentCount);
        c.Column("mobileResidentSkill", MobileResidentSkill);
        c.Column("previousStocks", PreviousStocks);
        Universities.Exchange(c);
        SeatSupply.Exchange(c);
    }
}
