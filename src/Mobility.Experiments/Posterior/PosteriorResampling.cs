namespace Mobility.Experiments.Posterior;

/// <summary>
/// Equally weighted draws from a weighted posterior by systematic resampling (Kitagawa 1996; Douc, Cappe and
/// Moulines 2005): one uniform u from the seed's <see cref="StreamPurpose.Resampling"/> stream, and draw d takes the
/// particle whose cumulative weight first reaches (u + d) / D. Every particle of weight w is drawn floor(D w) or
/// ceil(D w) times, so a few draws represent the posterior with less resampling noise than independent
/// (multinomial) picks. The draws depend on the seed, the weights and D only.
/// </summary>
public static class PosteriorResampling
{
    /// <summary>The particle index of each of <paramref name="draws"/> draws, in increasing order.</summary>
    public static int[] Systematic(IReadOnlyList<double> weights, int draws, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        if (weights.Count == 0)
        {
            throw new ArgumentException("no particles to draw from", nameof(weights));
        }

        double total = 0;
        foreach (double w in weights)
        {
            if (!(w >= 0) || !double.IsFinite(w))
            {
                throw new ArgumentException($"weights must be finite and >= 0 (found {w})", nameof(weights));
            }

            total += w;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("the weights sum to zero", nameof(weights));
        }

        double u = new ParticleStream(seed, 0, 0, 0, StreamPurpose.Resampling).NextDouble();
        var picks = new int[draws];
        int particle = 0;
        double cumulative = weights[0] / total;
        for (int d = 0; d < draws; d++)
        {
            double position = (u + d) / draws;
            while (cumulative < position && particle < weights.Count - 1)
            {
                particle++;
                cumulative += weights[particle] / total;
            }

            picks[d] = particle;
        }

        return picks;
    }
}
