namespace Mobility.Model.Policies;

/// <summary>A merit scholarship for study abroad with a return obligation (Kazakhstan's Bolashak is the model).</summary>
public sealed class NationalScholarship : PolicyTimeline
{
    public string Country { get; set; } = "";

    /// <summary>Awards per year (persons).</summary>
    public double AwardsPerYear { get; set; }

    /// <summary>Only universities whose world rank is at most this are eligible (0 = any).</summary>
    public int EligibleTopRank { get; set; } = 200;

    /// <summary>Years the graduate must work at home.</summary>
    public int ReturnObligationYears { get; set; } = 5;

    /// <summary>Host countries on the programme's list (empty = any foreign country).</summary>
    public string[] Destinations { get; set; } = [];

    /// <summary>Levels the scholarship funds: any of "Bachelor", "Master", "Phd" (empty = Master and PhD).</summary>
    public string[] Levels { get; set; } = [];
}
