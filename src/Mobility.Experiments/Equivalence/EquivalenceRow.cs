namespace Mobility.Experiments.Equivalence;

/// <summary>
/// The test of one metric, country and year of a scenario: the two engines' replications summarised, the margin, the
/// difference new - old with its 1 - 2 alpha interval, the two one-sided p-values and the verdict. Statistics are NaN
/// when the verdict is <see cref="EquivalenceVerdict.Missing"/>.
/// </summary>
/// <param name="ReplicationsNeeded">
/// A planning figure: the replications per engine at which this test would pass with probability 0.9 if the engines
/// were identical and the spreads as estimated (the sample size of an equivalence test); null when the difference
/// is shown to exceed the margin (more replications would not help) or nothing could be tested.
/// </param>
public sealed record EquivalenceRow(
    EquivalenceKey Key,
    int OldCount,
    int NewCount,
    double OldMean,
    double NewMean,
    double OldSd,
    double NewSd,
    double Margin,
    TostResult Test,
    EquivalenceVerdict Verdict,
    int? ReplicationsNeeded)
{
    public bool Equivalent => Verdict == EquivalenceVerdict.Equivalent;
}
