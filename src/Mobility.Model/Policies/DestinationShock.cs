namespace Mobility.Model.Policies;

/// <summary>Sanctions, conflict or a pandemic make a destination less attractive or close it.</summary>
public sealed class DestinationShock : PolicyTimeline
{
    public string Country { get; set; } = "";

    /// <summary>Multiplier of the destination's attractiveness in every choice (0..1; 1 = no effect).</summary>
    public double AttractivenessMultiplier { get; set; } = 0.5;

    /// <summary>Closed destinations admit nobody while the shock lasts.</summary>
    public bool Closed { get; set; }
}
