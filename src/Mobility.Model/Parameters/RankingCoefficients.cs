namespace Mobility.Model.Parameters;

/// <summary>QS-style weights and the dynamics of the simulated indicators.</summary>
public sealed class RankingCoefficients
{
    public double WeightAcademicReputation { get; set; } = 30;

    public double WeightEmployerReputation { get; set; } = 15;

    public double WeightFacultyStudent { get; set; } = 10;

    public double WeightCitations { get; set; } = 20;

    public double WeightInternationalFaculty { get; set; } = 5;

    public double WeightInternationalStudents { get; set; } = 5;

    public double WeightInternationalResearchNetwork { get; set; } = 5;

    public double WeightEmploymentOutcomes { get; set; } = 5;

    public double WeightSustainability { get; set; } = 5;

    /// <summary>International student share that earns a full score of 100.</summary>
    public double FullScoreIntlStudentShare { get; set; } = 0.3;

    /// <summary>International staff share that earns a full score of 100.</summary>
    public double FullScoreIntlFacultyShare { get; set; } = 0.3;

    /// <summary>Staff per student that earns a full score of 100.</summary>
    public double FullScoreStaffPerStudent { get; set; } = 0.15;

    /// <summary>Score points of the research network per unit of ln(1 + links per staff member x 100).</summary>
    public double NetworkGainPerLogLink { get; set; } = 8;

    /// <summary>Citations score points per network score point above its published value.</summary>
    public double CitationsPerNetworkPoint { get; set; } = 0.3;

    /// <summary>Reputation score points per point of citations and network above their published values.</summary>
    public double ReputationPerResearchPoint { get; set; } = 0.3;

    /// <summary>Employer reputation points per unit of graduates' mean skill above its level at the end of spin-up (relative to all graduates).</summary>
    public double EmployerReputationPerSkill { get; set; } = 20;

    /// <summary>Share of the gap to the target closed each year (reputations are slow moving averages).</summary>
    public double ReputationSmoothing { get; set; } = 0.1;

    public double CitationsSmoothing { get; set; } = 0.2;
}
