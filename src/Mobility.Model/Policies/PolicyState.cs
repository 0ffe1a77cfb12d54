namespace Mobility.Model.Policies;

using Mobility.Model.World;

/// <summary>
/// The quantities the levers set for one year, which the phases read. Each year starts from the world's values
/// (<see cref="Reset"/>), every lever in force moves them in the order of <see cref="PolicySettings.Levers"/>, and
/// <see cref="Finish"/> caps the shares the funding levers add up. Arrays are [country] or [origin, host].
/// </summary>
public class PolicyState
{
    public PolicyState(int countries)
    {
        Recognition = new double[countries, countries];
        Visa = new double[countries, countries];
        Agreement = new bool[countries, countries];
        JointProgrammes = new double[countries, countries];
        ShockMultiplier = new double[countries];
        Closed = new bool[countries];
        DegreeGrantAgents = new int[countries];
        CreditGrantAgents = new int[countries];
        GrantAmountUsd = new double[countries];
        CreditGrantAvailability = new double[countries];
        ScholarGrantAvailability = new double[countries];
        DegreeAidAvailability = new double[countries, 3];
        SeatMultiplier = new double[countries];
        TuitionDiscount = new double[countries];
        EnglishTaughtShare = new double[countries];
        InvestmentCostUsd = new double[countries];
        JointShare = new double[countries];
        CohortPersons = new double[countries];
        PostStudyWork = new double[countries];
    }

    /// <summary>Recognition of credits and degrees earned in h at home in o (0..1).</summary>
    public double[,] Recognition { get; }

    /// <summary>The visa barrier a student of o meets in h (0..1).</summary>
    public double[,] Visa { get; }

    /// <summary>Whether o and h have a mobility agreement (exchange seats, scholar links).</summary>
    public bool[,] Agreement { get; }

    public double[,] JointProgrammes { get; }

    /// <summary>Share of full joint-degree effect a country's universities have (0..1).</summary>
    public double[] JointShare { get; }

    /// <summary>Multiplier of a destination's attractiveness in every choice (1 = no shock).</summary>
    public double[] ShockMultiplier { get; }

    /// <summary>Closed destinations admit nobody.</summary>
    public bool[] Closed { get; }

    /// <summary>Regional degree grants of an origin this year (agents).</summary>
    public int[] DegreeGrantAgents { get; }

    /// <summary>Regional credit grants of an origin this year (agents).</summary>
    public int[] CreditGrantAgents { get; }

    public double[] GrantAmountUsd { get; }

    /// <summary>grantAvailable of the credit-mobility decision (0..1).</summary>
    public double[] CreditGrantAvailability { get; }

    /// <summary>Grant availability for scholar visits inside the region (0..1).</summary>
    public double[] ScholarGrantAvailability { get; }

    /// <summary>aidAvailable of the degree-mobility decision, [country, level] (0..1 after <see cref="Finish"/>).</summary>
    public double[,] DegreeAidAvailability { get; }

    /// <summary>Multiplier of a host's foreign seats.</summary>
    public double[] SeatMultiplier { get; }

    /// <summary>Relative tuition discount a host gives foreign students (0..1).</summary>
    public double[] TuitionDiscount { get; }

    /// <summary>Share of a host's programmes taught in English (0..1).</summary>
    public double[] EnglishTaughtShare { get; }

    /// <summary>Reported cost of quality investment (USD).</summary>
    public double[] InvestmentCostUsd { get; }

    /// <summary>This year's Bachelor entry cohort (persons) of each member.</summary>
    public double[] CohortPersons { get; }

    /// <summary>How open a host's post-study work rights are (0..1), in graduates' return decision.</summary>
    public double[] PostStudyWork { get; }

    /// <summary>National scholarships in force, in lever order (the order they are awarded in).</summary>
    public List<ScholarshipProgramme> Scholarships { get; } = [];

    /// <summary>Host quotas in force, in lever order (the order they are awarded in).</summary>
    public List<QuotaProgramme> Quotas { get; } = [];

    /// <summary>
    /// The year's starting point, as if no lever were in force: the world's visa barriers of <paramref name="year"/>
    /// (series.csv <c>visa_barrier</c> where a pair has one, else pairs.csv), agreements and post-study
    /// work rights; recognition 1 at home, <paramref name="baseRecognition"/> between agreement partners, else 0; no
    /// shock, grant, aid or discount.
    /// </summary>
    /// <param name="cohortPersons">This year's Bachelor entry cohort (persons) of a country.</param>
    public void Reset(WorldData world, int year, double baseRecognition, Func<int, double> cohortPersons)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(cohortPersons);
        int c = ShockMultiplier.Length;
        for (int o = 0; o < c; o++)
        {
            ShockMultiplier[o] = 1;
            Closed[o] = false;
            DegreeGrantAgents[o] = 0;
            CreditGrantAgents[o] = 0;
            GrantAmountUsd[o] = 0;
            CreditGrantAvailability[o] = 0;
            ScholarGrantAvailability[o] = 0;
            SeatMultiplier[o] = 1;
            TuitionDiscount[o] = 0;
            EnglishTaughtShare[o] = 0;
            InvestmentCostUsd[o] = 0;
            JointShare[o] = 0;
            CohortPersons[o] = cohortPersons(o);
            PostStudyWork[o] = world.Countries[o].PostStudyWork;
            for (int l = 0; l < 3; l++)
            {
                DegreeAidAvailability[o, l] = 0;
            }

            for (int h = 0; h < c; h++)
            {
                bool agreement = world.Agreement[o, h];
                Agreement[o, h] = agreement;
                Visa[o, h] = world.VisaBarrier[o, h];
                Recognition[o, h] = o == h ? 1 : agreement ? baseRecognition : 0;
                JointProgrammes[o, h] = 0;
            }
        }

        foreach (var (o, h) in world.VisaBarrierPairs())
        {
            Visa[o, h] = world.VisaBarrierAt(o, h, year);
        }

        Scholarships.Clear();
        Quotas.Clear();
    }

    /// <summary>Adds <paramref name="share"/> to the degree-aid availability of an origin at the given levels (all when null).</summary>
    public void AddDegreeAid(int origin, double share, bool[]? levels = null)
    {
        for (int l = 0; l < 3; l++)
        {
            if (levels is null || levels[l])
            {
                DegreeAidAvailability[origin, l] += share;
            }
        }
    }

    /// <summary>Ends the year's resolution: the degree-aid availability the funding levers added up is a share, at most 1.</summary>
    public void Finish()
    {
        for (int o = 0; o < ShockMultiplier.Length; o++)
        {
            for (int l = 0; l < 3; l++)
            {
                DegreeAidAvailability[o, l] = Math.Min(1, DegreeAidAvailability[o, l]);
            }
        }
    }
}
