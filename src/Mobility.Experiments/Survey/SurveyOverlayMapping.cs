namespace Mobility.Experiments.Survey;

/// <summary>
/// Which degree-mobility coefficients a survey effect may set, and how. A regression coefficient is the change in
/// log odds of intending to study abroad from the lowest to the highest answer; the model's coefficients are log odds
/// per unit of their variable. Ability, resources and aid availability run over [0, 1] in the model, so the
/// effect carries over one to one. The quality gap and ln(1 + alumni abroad per 1000) have other ranges, so an effect
/// mapped onto aGap or aNetwork is taken as it is and only approximates the model's unit.
/// </summary>
public static class SurveyOverlayMapping
{
    public static readonly IReadOnlyDictionary<string, bool> Coefficients = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
    {
        ["aAbility"] = true,
        ["aResources"] = true,
        ["aAid"] = true,
        ["aGap"] = false,
        ["aNetwork"] = false,
    };

    /// <summary>The configuration path of a mapped coefficient.</summary>
    public static string Path(string coefficient)
        => "degreeMobility:" + Coefficients.Keys.First(k => string.Equals(k, coefficient, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the survey's [0, 1] answer and the model's variable share a unit for this coefficient.</summary>
    public static bool SameUnit(string coefficient) => Coefficients[coefficient];
}
