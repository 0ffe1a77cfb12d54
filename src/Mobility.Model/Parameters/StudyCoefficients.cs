namespace Mobility.Model.Parameters;

/// <summary>Skill, attitude and dropout during a year of study.</summary>
public sealed class StudyCoefficients
{
    /// <summary>skill += s0 * (0.5 + Q(u)/100) * (1 + sAbroad if abroad).</summary>
    public double S0 { get; set; } = 0.1;

    public double SAbroad { get; set; } = 0.3;

    /// <summary>Rate at which attitude moves toward the year's satisfaction draw.</summary>
    public double Eta { get; set; } = 0.3;

    public double SatisfactionQualityWeight { get; set; } = 0.3;

    public double SatisfactionSd { get; set; } = 0.15;

    /// <summary>Yearly dropout hazard of a self-funded student at home.</summary>
    public double DropoutHazard { get; set; } = 0.04;

    /// <summary>Multiplier of the hazard for funded students (scholarship, grant, quota).</summary>
    public double FundedDropoutFactor { get; set; } = 0.4;

    /// <summary>Multiplier of the hazard for students abroad.</summary>
    public double AbroadDropoutFactor { get; set; } = 1.2;
}
