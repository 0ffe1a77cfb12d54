namespace Mobility.Model.Parameters;

/// <summary>
/// Whether a student starting a level seeks a degree abroad:
/// p = sigmoid(a0 + aAbility*(ability-0.5) + aResources*(resources-0.5) + aGap*qualityGap
///             + aNetwork*ln(1+alumniAbroadPer1000) + aDiaspora*ln(1+tiesAbroadPer1000)
///             + aExitPermit*exitPermitRequired(o, year) + aAid*aidAvailable + originShift[o]).
/// </summary>
public sealed class DegreeMobilityCoefficients
{
    public double A0 { get; set; } = -3.6;

    public double AAbility { get; set; } = 1.5;

    public double AResources { get; set; } = 2.0;

    public double AGap { get; set; } = 2.0;

    public double ANetwork { get; set; } = 0.25;

    /// <summary>Weight of ln(1 + the origin's people abroad per 1000 of its population), from ties.csv (docs/ODD.md 7.4).</summary>
    public double ADiaspora { get; set; } = 0.1;

    /// <summary>Added while the origin's citizens need an exit permit to travel abroad (series exit_permit_required).</summary>
    public double AExitPermit { get; set; } = -0.4;

    public double AAid { get; set; } = 1.0;

    /// <summary>Origin fixed effects added to the logit (calibration handles).</summary>
    public Dictionary<string, double> OriginShift { get; set; } = new();

    /// <summary>External origins: utility of the outside option (studying anywhere but the region).</summary>
    public double OutsideOptionUtility { get; set; } = 2.0;
}
