namespace Mobility.Model.Policies;

/// <summary>
/// A scenario's policy timeline: each lever is a dictionary of named instances, so an overlay can add an instance
/// or change one setting of an existing instance by its name (lists in configuration merge by position, names do not).
/// </summary>
public sealed class PolicySettings
{
    public Dictionary<string, RegionalCreditRecognition> RegionalCreditRecognition { get; set; } = new();

    public Dictionary<string, RegionalMobilityGrants> RegionalMobilityGrants { get; set; } = new();

    public Dictionary<string, VisaFacilitation> VisaFacilitation { get; set; } = new();

    public Dictionary<string, JointDegrees> JointDegrees { get; set; } = new();

    public Dictionary<string, EducationExport> EducationExport { get; set; } = new();

    public Dictionary<string, NationalScholarship> NationalScholarship { get; set; } = new();

    public Dictionary<string, HostQuota> HostQuota { get; set; } = new();

    public Dictionary<string, DestinationShock> DestinationShock { get; set; } = new();

    public Dictionary<string, QualityInvestment> QualityInvestment { get; set; } = new();
}
