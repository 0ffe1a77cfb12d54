namespace Mobility.Experiments.Posterior;

/// <summary>
/// Proposals to simulate together: round <see cref="Round"/> of generation <see cref="Generation"/>, proposals
/// <see cref="FirstIndex"/> onwards of that generation. Each has its coefficients and the seed of its simulation.
/// </summary>
public sealed record ParticleBatch(int Generation, int Round, int FirstIndex, IReadOnlyList<double[]> Thetas, IReadOnlyList<ulong> Seeds)
{
    public int Count => Thetas.Count;
}
