namespace Mobility.Experiments.Equivalence;

/// <summary>What the two one-sided tests say about one metric, country and year.</summary>
public enum EquivalenceVerdict
{
    /// <summary>The 90% interval of the difference lies inside the margin.</summary>
    Equivalent,

    /// <summary>
    /// The whole interval lies beyond the margin: the new engine's mean differs from the old one's by more than the
    /// margin. More replications will not fix it.
    /// </summary>
    Shifted,

    /// <summary>
    /// The interval reaches across an end of the margin: the replications cannot tell either way; more of them could
    /// (see <see cref="EquivalenceRow.ReplicationsNeeded"/>).
    /// </summary>
    Inconclusive,

    /// <summary>One engine has fewer than two values (or none) for it: nothing can be tested, which counts as a failure.</summary>
    Missing,
}
