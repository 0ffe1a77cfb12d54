namespace Mobility.Model.Policies;

/// <summary>Mutual recognition of credits and degrees between members; makes credit mobility region-wide.</summary>
public sealed class RegionalCreditRecognition : PolicyTimeline
{
    /// <summary>Member countries that join (empty = all members).</summary>
    public string[] Countries { get; set; } = [];

    /// <summary>Recognition level between the participants (0..1).</summary>
    public double Level { get; set; } = 0.8;
}
