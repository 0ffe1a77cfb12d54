namespace Mobility.Model.Policies;

/// <summary>Every lever has a start year and, optionally, an end year (inclusive).</summary>
public abstract class PolicyTimeline
{
    public int Start { get; set; }

    public int? End { get; set; }

    public bool IsActive(int year) => year >= Start && (End is null || year <= End.Value);
}
