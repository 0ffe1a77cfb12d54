namespace Mobility.Engine.State;

using Mobility.Model.Agents;

/// <summary>The levers in force in one year, resolved into the quantities the phases use.</summary>
internal sealed class ActivePolicies
{
    public ActivePolicies(int countries)
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
    }

    public double[,] Recognition { get; }

    public double[,] Visa { get; }

    public bool[,] Agreement { get; }

    public double[,] JointProgrammes { get; }

    /// <summary>Share of full joint-degree effect a country's universities have (0..1).</summary>
    public double[] JointShare { get; }

    public double[] ShockMultiplier { get; }

    public bool[] Closed { get; }

    public int[] DegreeGrantAgents { get; }

    public int[] CreditGrantAgents { get; }

    public double[] GrantAmountUsd { get; }

    public double[] CreditGrantAvailability { get; }

    public double[] ScholarGrantAvailability { get; }

    /// <summary>aidAvailable of the degree-mobility decision, [country, level].</summary>
    public double[,] DegreeAidAvailability { get; }

    public double[] SeatMultiplier { get; }

    public double[] TuitionDiscount { get; }

    public double[] EnglishTaughtShare { get; }

    public double[] InvestmentCostUsd { get; }

    /// <summary>This year's Bachelor entry cohort (persons) of each member.</summary>
    public double[] CohortPersons { get; }

    public List<ScholarshipProgramme> Scholarships { get; } = [];

    public List<QuotaProgramme> Quotas { get; } = [];
}

/// <summary>A national scholarship in force: awards in agents, eligibility and obligation.</summary>
internal sealed record ScholarshipProgramme(string Name, int Country, int AwardsAgents, int EligibleTopRank, int ObligationYears, bool[] Levels, bool[] Destinations);

/// <summary>A host quota in force: funded seats (agents) at a host for one origin.</summary>
internal sealed record QuotaProgramme(string Name, int Host, int Origin, int SeatsAgents);

internal static class FundingPriority
{
    /// <summary>Funded applicants are admitted before self-funded ones.</summary>
    public static int Of(Funding funding) => funding == Funding.Self ? 1 : 0;
}
