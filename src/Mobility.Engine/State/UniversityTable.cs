namespace Mobility.Engine.State;

using Mobility.Model.Parameters;
using Mobility.Model.Policies;
using Mobility.Model.World;

/// <summary>
/// Universities as arrays: the published data, this year's policy-adjusted seats and prices, the indicators the
/// rankings move, and what the simulation measured at each university. Universities the levers open (branch
/// campuses) are appended after those of the world data, in lever order.
/// </summary>
internal sealed class UniversityTable
{
    public UniversityTable(WorldData world, PolicySettings policies)
    {
        var rows = new List<(string Id, string Name, int Country, double Capacity, double Seats, double Tuition,
            LanguageSet Languages, double Staff, int? QsRank, double[] Data, bool Aggregate, int Opens)>();
        var opened = world.Universities.Select(u => new OpenedUniversity(u, int.MinValue))
            .Concat(PolicySettings.Levers.SelectMany(lever => lever.OpenedUniversities(policies, world)));
        foreach (var (u, opens) in opened)
        {
            rows.Add((u.Id, u.Name, u.Country, u.Capacity, u.ForeignSeats, u.TuitionUsd, u.Languages, u.Staff, u.QsRank,
                u.Indicators.ToArray(), u.IsAggregate, opens));
        }

        Count = rows.Count;
        Id = rows.Select(r => r.Id).ToArray();
        Name = rows.Select(r => r.Name).ToArray();
        Country = rows.Select(r => r.Country).ToArray();
        Capacity = rows.Select(r => r.Capacity).ToArray();
        ForeignSeatsBase = rows.Select(r => r.Seats).ToArray();
        TuitionBase = rows.Select(r => r.Tuition).ToArray();
        Languages = rows.Select(r => r.Languages).ToArray();
        Staff = rows.Select(r => Math.Max(1, r.Staff)).ToArray();
        QsRank = rows.Select(r => r.QsRank).ToArray();
        IsAggregate = rows.Select(r => r.Aggregate).ToArray();
        Opens = rows.Select(r => r.Opens).ToArray();
        Data = new double[Count, Indicators.Count];
        for (int u = 0; u < Count; u++)
        {
            for (int k = 0; k < Indicators.Count; k++)
            {
                Data[u, k] = rows[u].Data[k];
            }
        }

        Score = (double[,])Data.Clone();
        Composite = new double[Count];
        WorldRank = new int[Count];
        Active = new bool[Count];
        ForeignSeatsAgents = new int[Count];
        ExchangeSeatsAgents = new int[Count];
        Tuition = new double[Count];
        EnglishShare = new double[Count];
        Students = new double[Count];
        ForeignStudents = new double[Count];
        VisitingScholars = new double[Count];
        ScholarLinks = new double[Count];
        GraduateSkillSum = new double[Count];
        GraduateCount = new double[Count];
        ReputationInvestment = new double[Count];
        CitationsInvestment = new double[Count];
        Reference = new double[Count, ReferenceColumns];
    }

    public int Count { get; }

    public string[] Id { get; }

    public string[] Name { get; }

    public int[] Country { get; }

    public double[] Capacity { get; }

    public double[] ForeignSeatsBase { get; }

    public double[] TuitionBase { get; }

    public LanguageSet[] Languages { get; }

    public double[] Staff { get; }

    public int?[] QsRank { get; }

    public bool[] IsAggregate { get; }

    /// <summary>Year a branch campus opens; int.MinValue for universities of the world data.</summary>
    public int[] Opens { get; }

    /// <summary>Published indicator scores [university, indicator].</summary>
    public double[,] Data { get; }

    /// <summary>Current indicator scores [university, indicator].</summary>
    public double[,] Score { get; }

    /// <summary>Q(u): the weighted composite (0..100).</summary>
    public double[] Composite { get; }

    /// <summary>Estimated QS-comparable world rank.</summary>
    public int[] WorldRank { get; }

    // This year's policy-adjusted state.
    public bool[] Active { get; }

    public int[] ForeignSeatsAgents { get; }

    public int[] ExchangeSeatsAgents { get; }

    public double[] Tuition { get; }

    public double[] EnglishShare { get; }

    // Measured this year (agents).
    public double[] Students { get; }

    public double[] ForeignStudents { get; }

    public double[] VisitingScholars { get; }

    public double[] ScholarLinks { get; }

    public double[] GraduateSkillSum { get; }

    public double[] GraduateCount { get; }

    // Accumulated quality investment (score points).
    public double[] ReputationInvestment { get; }

    public double[] CitationsInvestment { get; }

    /// <summary>Raw values of the simulated indicators at the end of spin-up, where the published scores are anchored.</summary>
    public double[,] Reference { get; }

    public bool HasReference { get; set; }

    public const int RefIntlStudentShare = 0;
    public const int RefStaffPerStudent = 1;
    public const int RefIntlFacultyShare = 2;
    public const int RefLogLinks = 3;
    public const int RefGraduateSkill = 4;
    public const int ReferenceColumns = 5;

    /// <summary>Slope of ln(world rank) on the composite, fitted to the published ranks.</summary>
    public double RankSlope { get; set; }

    public double RankIntercept { get; set; }

    public double[] DataComposite { get; private set; } = [];

    public double ComputeComposite(int u, RankingCoefficients w, double[,] scores)
    {
        double total = (w.WeightAcademicReputation * scores[u, 0]) + (w.WeightEmployerReputation * scores[u, 1])
            + (w.WeightFacultyStudent * scores[u, 2]) + (w.WeightCitations * scores[u, 3])
            + (w.WeightInternationalFaculty * scores[u, 4]) + (w.WeightInternationalStudents * scores[u, 5])
            + (w.WeightInternationalResearchNetwork * scores[u, 6]) + (w.WeightEmploymentOutcomes * scores[u, 7])
            + (w.WeightSustainability * scores[u, 8]);
        double weights = w.WeightAcademicReputation + w.WeightEmployerReputation + w.WeightFacultyStudent
            + w.WeightCitations + w.WeightInternationalFaculty + w.WeightInternationalStudents
            + w.WeightInternationalResearchNetwork + w.WeightEmploymentOutcomes + w.WeightSustainability;
        return weights > 0 ? total / weights : 0;
    }

    /// <summary>What the years change at the universities (see <see cref="SimulationState.Exchange"/>).</summary>
    public void Exchange(StateColumns c)
    {
        c.Column("universities.score", Score);
        c.Column("universities.composite", Composite);
        c.Column("universities.worldRank", WorldRank);
        c.Column("universities.active", Active);
        c.Column("universities.foreignSeatsAgents", ForeignSeatsAgents);
        c.Column("universities.exchangeSeatsAgents", ExchangeSeatsAgents);
        c.Column("universities.tuition", Tuition);
        c.Column("universities.englishShare", EnglishShare);
        c.Column("universities.students", Students);
        c.Column("universities.foreignStudents", ForeignStudents);
        c.Column("universities.visitingScholars", VisitingScholars);
        c.Column("universities.scholarLinks", ScholarLinks);
        c.Column("universities.graduateSkillSum", GraduateSkillSum);
        c.Column("universities.graduateCount", GraduateCount);
        c.Column("universities.reputationInvestment", ReputationInvestment);
        c.Column("universities.citationsInvestment", CitationsInvestment);
        c.Column("universities.reference", Reference);
        HasReference = c.Scalar("universities.hasReference", HasReference ? 1 : 0) != 0;
    }

    /// <summary>Computes the published composites and fits ln(rank) = a + b*composite on the ranked universities.</summary>
    public void FitRankCurve(RankingCoefficients weights)
    {
        DataComposite = new double[Count];
        var xs = new List<double>();
        var ys = new List<double>();
        for (int u = 0; u < Count; u++)
        {
            DataComposite[u] = ComputeComposite(u, weights, Data);
            Composite[u] = DataComposite[u];
            if (QsRank[u] is int rank && rank > 0)
            {
                xs.Add(DataComposite[u]);
                ys.Add(Math.Log(rank));
            }
        }

        if (xs.Count >= 2)
        {
            var (intercept, slope) = MathNet.Numerics.Fit.Line(xs.ToArray(), ys.ToArray());
            RankIntercept = intercept;
            RankSlope = Math.Min(slope, -1e-3);
        }
        else
        {
            RankIntercept = Math.Log(1500);
            RankSlope = -0.07;
        }
    }

    /// <summary>
    /// World rank: a ranked university keeps its published rank and moves along the fitted slope as its composite
    /// changes; others are placed on the fitted curve.
    /// </summary>
    public int EstimateRank(int u)
    {
        double logRank = QsRank[u] is int rank && rank > 0
            ? Math.Log(rank) + (RankSlope * (Composite[u] - DataComposite[u]))
            : RankIntercept + (RankSlope * Composite[u]);
        double value = Math.Exp(logRank);
        return (int)Math.Clamp(Math.Round(value), 1, 5000);
    }
}
