namespace Mobility.Model.Observations;

/// <summary>How far a published figure can be trusted (the <c>confidence</c> column of observations.csv).</summary>
public enum SourceConfidence
{
    /// <summary>An official statistic or a direct quote of one.</summary>
    High,

    /// <summary>Media citing an official.</summary>
    Medium,

    /// <summary>Approximate, rounded, or a doubtful source.</summary>
    Low,
}
