namespace Mobility.Experiments.Comparison;

/// <summary>
/// The difference of a scenario from the reference, estimated from replications paired by seed.
/// </summary>
/// <param name="Difference">Mean of the per-replication differences, with its confidence interval.</param>
/// <param name="VarianceReduction">
/// Variance of the difference had the two scenarios run on independent streams (the sum of their variances) divided
/// by the variance of the paired differences; above 1 when common random numbers helped. Null when the paired
/// differences do not vary at all (pairing removed all noise, or the metric does not respond to the scenario).
/// </param>
public readonly record struct PairedDifference(Estimate Difference, double? VarianceReduction)
{
    public bool IsSignificant => Difference.ExcludesZero;
}
