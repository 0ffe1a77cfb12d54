namespace Mobility.Model.Parameters;

/// <summary>
/// A home student in year 2 or 3 goes abroad for a semester or a year with probability
/// sigmoid(c0 + cRecognition*recognition + cGrant*grantAvailable + cAbility*(ability-0.5)),
/// only to universities with an agreement, then returns home.
/// </summary>
public sealed class CreditMobilityCoefficients
{
    public double C0 { get; set; } = -5.0;

    public double CRecognition { get; set; } = 2.0;

    public double CGrant { get; set; } = 2.0;

    public double CAbility { get; set; } = 1.5;

    /// <summary>
    /// Origin fixed effects added to the credit logit (calibration handles; docs/ODD.md 7.4): how much more often than
    /// c0 says the students of an origin go on credit mobility (Kazakhstan's state academic-mobility programme).
    /// </summary>
    public Dictionary<string, double> OriginShift { get; set; } = new();

    /// <summary>
    /// Origin-destination constants of the credit-stay choice (pairShift[origin][destination], 0 where absent), added
    /// to V in the credit tables only (docs/ODD.md 7.5): what the choice's structural terms and choice:pairShift miss
    /// about where one origin's credit students go (Kazakhstan's state programme sends them to Poland, Turkey, Germany
    /// and Lithuania), fitted to the credit figures by <c>mobility calibrate --pair-constants</c> (docs/calibration.md).
    /// A degree student's choice does not see it.
    /// </summary>
    public Dictionary<string, Dictionary<string, double>> PairShift { get; set; } = new();

    /// <summary>Recognition of credits between agreement partners when no policy sets it (0..1).</summary>
    public double BaseRecognition { get; set; } = 0.3;

    /// <summary>Exchange places of a university, as a share of its foreign seats (separate from degree seats).</summary>
    public double ExchangeSeatShare { get; set; } = 0.2;

    /// <summary>Share of credit stays that last a semester rather than a year.</summary>
    public double SemesterShare { get; set; } = 0.6;
}
