namespace Mobility.Model.Policies;

/// <summary>Joint degree programmes between country pairs: agreements, recognition and scholar links.</summary>
public sealed class JointDegrees : PolicyTimeline
{
    /// <summary>Programmes per country pair, keyed "KAZ-UZB" (order does not matter).</summary>
    public Dictionary<string, int> Programmes { get; set; } = new();

    /// <summary>Programmes per pair at which the recognition gain is full.</summary>
    public int FullEffectProgrammes { get; set; } = 20;

    /// <summary>Recognition added between the pair at full effect.</summary>
    public double RecognitionGain { get; set; } = 0.3;
}
