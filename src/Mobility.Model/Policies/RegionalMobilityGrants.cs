namespace Mobility.Model.Policies;

/// <summary>Grants for mobility inside the region (to member-country universities).</summary>
public sealed class RegionalMobilityGrants : PolicyTimeline
{
    /// <summary>Member countries whose students receive grants (empty = all members).</summary>
    public string[] Countries { get; set; } = [];

    /// <summary>Grants per year per participating country (persons).</summary>
    public double GrantsPerYear { get; set; }

    public double AmountUsd { get; set; } = 5000;

    /// <summary>What the grants fund: "credit", "degree" or "both".</summary>
    public string Kind { get; set; } = "both";

    /// <summary>Share of the grants that fund scholar visits inside the region instead of students.</summary>
    public double ScholarShare { get; set; } = 0.1;
}
