namespace Mobility.Experiments.Posterior;

/// <summary>
/// A distance given as a function (theta, seed) -> distance, evaluated on <see cref="Threads"/> cores; each result goes
/// to its proposal's slot, so the batch's distances do not depend on the thread count. For models cheap enough to
/// simulate in memory (and for tests such as the conjugate normal problem).
/// </summary>
public sealed class DistanceFunction(Func<double[], ulong, double> distance, int threads) : IParticleDistances
{
    public int Threads { get; } = threads;

    /// <summary>Simulations done so far.</summary>
    public long Simulations { get; private set; }

    public IReadOnlyList<double> Evaluate(ParticleBatch batch, CancellationToken cancellationToken)
    {
        var distances = new double[batch.Count];
        Parallel.For(
            0,
            batch.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancellationToken },
            i => distances[i] = distance(batch.Thetas[i], batch.Seeds[i]));
        Simulations += batch.Count;
        return distances;
    }
}
