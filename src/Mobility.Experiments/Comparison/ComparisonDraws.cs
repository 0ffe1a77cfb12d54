namespace Mobility.Experiments.Comparison;

/// <summary>
/// The posterior draws of a comparison over a posterior (<c>compare --posterior</c>): draw d is posterior particle
/// <c>Particles[d]</c> with coefficients <c>Values[d]</c>, and it is run <see cref="ReplicationsPerDraw"/> times. The
/// replications are numbered draw by draw: replication r (1-based) uses draw (r - 1) / R, for every scenario alike.
/// </summary>
/// <param name="Source">The posterior file, for reports.</param>
/// <param name="Paths">The coefficients' configuration paths.</param>
/// <param name="Particles">The posterior particle behind each draw.</param>
/// <param name="Values">Each draw's coefficients, in the order of <paramref name="Paths"/>.</param>
/// <param name="ReplicationsPerDraw">Replications (seeds) per draw, at least 2 so that the noise within a draw can be estimated.</param>
public sealed record ComparisonDraws(string Source, IReadOnlyList<string> Paths, IReadOnlyList<int> Particles, IReadOnlyList<double[]> Values, int ReplicationsPerDraw)
{
    public int Count => Particles.Count;

    public int Replications => Count * ReplicationsPerDraw;

    /// <summary>The 0-based draw of replication <paramref name="replicate"/> (1-based).</summary>
    public int DrawOf(int replicate) => (replicate - 1) / ReplicationsPerDraw;
}
