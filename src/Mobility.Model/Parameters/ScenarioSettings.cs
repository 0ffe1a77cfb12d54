namespace Mobility.Model.Parameters;

using Mobility.Model.Policies;

/// <summary>
/// The root of a scenario's configuration, bound from the layered JSON files, environment variables and
/// <c>--set</c> options. Every coefficient of the model lives here; none is hard-coded in the engine.
/// </summary>
public sealed class ScenarioSettings
{
    public ScenarioInfo Scenario { get; set; } = new();

    public EntryCoefficients Entry { get; set; } = new();

    public DegreeMobilityCoefficients DegreeMobility { get; set; } = new();

    public ChoiceCoefficients Choice { get; set; } = new();

    public CreditMobilityCoefficients CreditMobility { get; set; } = new();

    public AdmissionCoefficients Admission { get; set; } = new();

    public StudyCoefficients Study { get; set; } = new();

    public GraduationCoefficients Graduation { get; set; } = new();

    public ScholarCoefficients Scholars { get; set; } = new();

    public RankingCoefficients Rankings { get; set; } = new();

    public ImageCoefficients Image { get; set; } = new();

    public SoftPowerWeights SoftPower { get; set; } = new();

    public PolicySettings Policies { get; set; } = new();

    /// <summary>A shallow copy that differs only in <c>scenario:seed</c>; the coefficient objects are shared, not copied.</summary>
    public ScenarioSettings WithSeed(ulong seed)
    {
        var copy = (ScenarioSettings)MemberwiseClone();
        copy.Scenario = Scenario.WithSeed(seed);
        return copy;
    }
}
