namespace Mobility.Model.Parameters;

/// <summary>Weights and reference scales of the composite soft-power score (0..1).</summary>
public sealed class SoftPowerWeights
{
    public double RegionalImage { get; set; } = 0.35;

    public double GlobalImage { get; set; } = 0.15;

    public double Rankings { get; set; } = 0.2;

    public double InboundStudents { get; set; } = 0.15;

    public double ExportRevenue { get; set; } = 0.15;

    /// <summary>Inbound students at which that component reaches 0.5.</summary>
    public double InboundReference { get; set; } = 50000;

    /// <summary>Education-export revenue (USD) at which that component reaches 0.5.</summary>
    public double RevenueReferenceUsd { get; set; } = 500_000_000;

    /// <summary>World rank whose ranking component is 0 (rank 1 scores 1, on a log scale).</summary>
    public double WorstRank { get; set; } = 1500;
}
