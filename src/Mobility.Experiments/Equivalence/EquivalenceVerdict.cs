namespace Mobility.Experiments.Equivalence;

/// <summary>What the two one-sided tests say about one metric, country and year.</summary>
public enum EquivalenceVerdict
{
    /// <summary>The 90% interval of the difference lies inside the margin.</summary>
    Equivalent,

    /// <summary>The estimated difference itself is at or beyond the margin: the new engine behaves differently.</summary>
    Shifted,

    /// <summary>
    /// The estimated difference is inside the margin but its interval is not: the replications cannot tell; more of
    /// them could (see <see cref="EquivalenceRow.ReplicationsNeeded"/>).
    /// </summary>
    Inconclusive,

    /// <summary>One engine has fewer than two values (or none) for it: nothing can be tested, which counts as a failure.</summary>
    Missing,
}
