namespace Mobility.Model.Parameters;

/// <summary>
/// The multinomial logit over foreign universities:
/// V(u) = bQuality*Q(u)/100 - bDistance*ln(1+km/1000) + bLanguage*languageMatch
///        - bCost*max(0, tuition+living-aid)/budget(resources) - bVisa*visaBarrier + bImage*image(o,h)
///        + bNetwork*ln(1+alumni(o,h) per 1000 of o's students) + bDiaspora*ln(1+ties(o,h) per 1000 of o's people)
///        + bRecognition*recognition(o,h) + destinationShift[h] + pairShift[o][h].
/// </summary>
public sealed class ChoiceCoefficients
{
    /// <summary>Ranked choices a seeker lists (K).</summary>
    public int MaxChoices { get; set; } = 3;

    public double BQuality { get; set; } = 3.0;

    public double BDistance { get; set; } = 0.6;

    public double BLanguage { get; set; } = 1.5;

    public double BCost { get; set; } = 1.0;

    public double BVisa { get; set; } = 1.5;

    public double BImage { get; set; } = 2.0;

    public double BNetwork { get; set; } = 0.35;

    /// <summary>
    /// Weight of the ties that predate the run (migrant stock, co-ethnic population and kin minority of o in h, ties.csv)
    /// per 1000 of o's population, on a log scale: the diaspora / co-ethnic network of docs/ODD.md section 7.2.
    /// </summary>
    public double BDiaspora { get; set; } = 0.3;

    public double BRecognition { get; set; } = 0.8;

    /// <summary>Yearly budget (USD) of the poorest family; budget(resources) rises linearly to <see cref="BudgetMaxUsd"/>.</summary>
    public double BudgetMinUsd { get; set; } = 3000;

    public double BudgetMaxUsd { get; set; } = 40000;

    /// <summary>Resource bands over which choice tables are precomputed (the cost term is evaluated at each band's midpoint).</summary>
    public int ResourceBands { get; set; } = 6;

    /// <summary>Destination fixed effects added to V (calibration handles).</summary>
    public Dictionary<string, double> DestinationShift { get; set; } = new();

    /// <summary>
    /// Origin-destination constants added to V (pairShift[origin][destination], 0 where absent): what the structural
    /// terms miss about one pair, fitted by <c>mobility calibrate --pair-constants</c> (docs/calibration.md).
    /// </summary>
    public Dictionary<string, Dictionary<string, double>> PairShift { get; set; } = new();

    /// <summary>
    /// Origin-destination constants of the national-scholarship holders' choice (scholarshipPairShift[origin][destination],
    /// 0 where absent), added to V in the tables of a national scholarship only (docs/ODD.md 7.2): what the utility
    /// misses about where a programme's holders go among its listed destinations (Bolashak's holders in Germany, Japan,
    /// the USA), fitted to the scholarship figures by <c>mobility calibrate --pair-constants</c> (docs/calibration.md).
    /// Self-funded degree seekers do not see it.
    /// </summary>
    public Dictionary<string, Dictionary<string, double>> ScholarshipPairShift { get; set; } = new();

    /// <summary>Utility of a university's log size, so large systems ("other institutions") draw in proportion to their places.</summary>
    public double BSize { get; set; } = 1.0;
}
