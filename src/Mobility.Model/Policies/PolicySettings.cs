namespace Mobility.Model.Policies;

/// <summary>
/// A scenario's policy timeline: each lever is a dictionary of named instances, so an overlay can add an instance
/// or change one setting of an existing instance by its name (lists in configuration merge by position, names do not).
/// </summary>
public sealed class PolicySettings
{
    /// <summary>
    /// Every lever, in the order the policy phase resolves them each year (instances of one lever in ordinal order of
    /// their names). Most levers move quantities no other lever touches, so their place is free; the order matters
    /// where two levers move the same quantity (docs/ODD.md, section 7.1):
    /// <list type="bullet">
    /// <item>recognition before joint degrees: recognition raises recognition to its level (a maximum) and joint
    /// degrees add their gain on top of whatever is there (a sum), and max-then-add differs from add-then-max;</item>
    /// <item>grants, then scholarships, then quotas: each adds to the degree-aid availability, and floating-point sums
    /// depend on their order, so the order is fixed (this one keeps results identical to earlier versions); the
    /// availability is capped at 1 once all have added (<see cref="PolicyState.Finish"/>);</item>
    /// <item>every lever before the universities' seats, tuition and English share are derived from the country
    /// quantities (after the list, in the engine), so shocks and education export take effect in the same year.</item>
    /// </list>
    /// A lever is registered here once: its dictionary below and its place in this list.
    /// </summary>
    public static readonly IReadOnlyList<LeverKind> Levers =
    [
        LeverKind.Of<RegionalCreditRecognition>(p => p.RegionalCreditRecognition),
        LeverKind.Of<JointDegrees>(p => p.JointDegrees),
        LeverKind.Of<VisaFacilitation>(p => p.VisaFacilitation),
        LeverKind.Of<RegionalMobilityGrants>(p => p.RegionalMobilityGrants),
        LeverKind.Of<NationalScholarship>(p => p.NationalScholarship),
        LeverKind.Of<HostQuota>(p => p.HostQuota),
        LeverKind.Of<DestinationShock>(p => p.DestinationShock),
        LeverKind.Of<EducationExport>(p => p.EducationExport),
        LeverKind.Of<QualityInvestment>(p => p.QualityInvestment),
        LeverKind.Of<PostStudyWorkRights>(p => p.PostStudyWorkRights),
    ];

    public Dictionary<string, RegionalCreditRecognition> RegionalCreditRecognition { get; set; } = new();

    public Dictionary<string, RegionalMobilityGrants> RegionalMobilityGrants { get; set; } = new();

    public Dictionary<string, VisaFacilitation> VisaFacilitation { get; set; } = new();

    public Dictionary<string, JointDegrees> JointDegrees { get; set; } = new();

    public Dictionary<string, EducationExport> EducationExport { get; set; } = new();

    public Dictionary<string, NationalScholarship> NationalScholarship { get; set; } = new();

    public Dictionary<string, HostQuota> HostQuota { get; set; } = new();

    public Dictionary<string, DestinationShock> DestinationShock { get; set; } = new();

    public Dictionary<string, QualityInvestment> QualityInvestment { get; set; } = new();

    public Dictionary<string, PostStudyWorkRights> PostStudyWorkRights { get; set; } = new();
}
