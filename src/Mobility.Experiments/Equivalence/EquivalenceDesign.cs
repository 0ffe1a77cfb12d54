namespace Mobility.Experiments.Equivalence;

/// <summary>
/// How the old and the new engine's replications relate, which decides the test (docs/performance.md, "Proving
/// equivalence").
/// </summary>
public enum EquivalenceDesign
{
    /// <summary>
    /// Replication r of both engines drew the same random numbers (same seed, same random streams): the test is built
    /// on the per-replication differences (n - 1 degrees of freedom). Valid only when the streams are shared; then far
    /// more powerful, because the common noise cancels.
    /// </summary>
    Paired,

    /// <summary>
    /// The replications of the two engines are independent samples (the engines use their random numbers differently,
    /// or the seeds differ): Welch's unequal-variance test on the two means, Welch-Satterthwaite degrees of freedom.
    /// Valid in every case, and the only valid choice once the random streams differ.
    /// </summary>
    Independent,
}
