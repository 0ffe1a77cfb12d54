namespace Mobility.Experiments.Posterior;

/// <summary>
/// The distance between what a proposal's simulation produces and the observations, for a batch of proposals. Every
/// distance must be a function of the proposal's coefficients and seed alone (not of the batch, the thread or the
/// shard that computes it), so that the posterior depends on the seed only. An implementation may store simulations
/// (and so resume after a kill), or run them on several machines and throw <see cref="BatchPendingException"/> while
/// some are not done.
/// </summary>
public interface IParticleDistances
{
    /// <summary>The distances, one per proposal, in the batch's order (>= 0; +inf for a failed fit).</summary>
    IReadOnlyList<double> Evaluate(ParticleBatch batch, CancellationToken cancellationToken);
}
