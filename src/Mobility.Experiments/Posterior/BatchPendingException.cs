namespace Mobility.Experiments.Posterior;

/// <summary>
/// Thrown by a sharded <see cref="IParticleDistances"/> when this process has done its share of a batch but other
/// shards have not finished theirs: the run stops here and continues when started again.
/// </summary>
public sealed class BatchPendingException : Exception
{
    public BatchPendingException(ParticleBatch batch, string waitingFor)
        : base($"generation {batch.Generation}, round {batch.Round}: waiting for {waitingFor}")
    {
        Generation = batch.Generation;
        Round = batch.Round;
        WaitingFor = waitingFor;
    }

    public int Generation { get; }

    public int Round { get; }

    /// <summary>What is missing, e.g. "shards 1/4, 3/4".</summary>
    public string WaitingFor { get; }
}
