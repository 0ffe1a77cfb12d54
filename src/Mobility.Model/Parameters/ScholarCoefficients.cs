namespace Mobility.Model.Parameters;

/// <summary>Visits of academic staff and what they do to research indicators.</summary>
public sealed class ScholarCoefficients
{
    /// <summary>Visit probability: sigmoid(h0 + hGrant*grantAvailable + hAgreement*agreementShare + hJoint*jointShare + hProductivity*(productivity-0.5)).</summary>
    public double H0 { get; set; } = -3.8;

    public double HGrant { get; set; } = 1.0;

    public double HAgreement { get; set; } = 0.8;

    public double HJoint { get; set; } = 1.0;

    public double HProductivity { get; set; } = 1.5;

    /// <summary>Logit of the host: research quality (citations score/100), language, distance, visa.</summary>
    public double BResearch { get; set; } = 3.0;

    public double BLanguage { get; set; } = 1.5;

    public double BDistance { get; set; } = 0.5;

    public double BVisa { get; set; } = 1.0;

    /// <summary>Utility bonus of hosts in countries with an agreement.</summary>
    public double BAgreement { get; set; } = 0.5;

    /// <summary>Utility of the host's log staff (in thousands): bigger universities receive more visitors.</summary>
    public double BSize { get; set; } = 1.0;

    /// <summary>Logit slope of English on productivity.</summary>
    public double EnglishSlope { get; set; } = 3.0;

    /// <summary>Share of staff who can work in English at mean productivity.</summary>
    public double EnglishShare { get; set; } = 0.3;

    /// <summary>Yearly decay of collaboration links (projects end).</summary>
    public double LinkDecay { get; set; } = 0.1;
}
