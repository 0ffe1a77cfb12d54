namespace Mobility.Model.Policies;

/// <summary>Investment in universities' research and reputation.</summary>
public sealed class QualityInvestment : PolicyTimeline
{
    /// <summary>Country whose universities all receive the investment (or empty, with <see cref="Universities"/>).</summary>
    public string Country { get; set; } = "";

    /// <summary>Specific university ids (used when set; otherwise every university of <see cref="Country"/>).</summary>
    public string[] Universities { get; set; } = [];

    /// <summary>Academic and employer reputation score points gained per year.</summary>
    public double ReputationGainPerYear { get; set; } = 1;

    /// <summary>Citations score points gained per year.</summary>
    public double CitationsGainPerYear { get; set; } = 1;

    /// <summary>Cost per year (USD), reported, not simulated.</summary>
    public double CostUsdPerYear { get; set; }
}
