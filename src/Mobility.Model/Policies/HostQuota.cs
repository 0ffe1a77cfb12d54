namespace Mobility.Model.Policies;

/// <summary>Funded seats a host country offers to students of one origin each year (e.g. Russian quotas).</summary>
public sealed class HostQuota : PolicyTimeline
{
    public string Host { get; set; } = "";

    public string Origin { get; set; } = "";

    /// <summary>Funded seats per year (persons).</summary>
    public double SeatsPerYear { get; set; }
}
