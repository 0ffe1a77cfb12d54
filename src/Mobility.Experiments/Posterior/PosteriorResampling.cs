namespace Mobility.Experiments.Posterior;

/// <summary>
/// Equally weighted draws from a weighted posterior by systematic resampling (Kitagawa 1996; Douc, Cappe and
/// Moulines 2005): one uniform u from the seed's <see cref="StreamPurpose.Resampling"/> stream, and draw d takes the
/// particle whose cumulative weight first reaches (u + d) / D. Every particle of weight w is drawn floor(D w) or
/// ceil(D w) times, so a few draws represent the posterior with less resampling noise than independent
/// (multinomial) picks. The draws depend on the seed, the weights and D only. <see cref="Independent"/> draws
/// independently instead, where exchangeability matters more than the spread (the ranks of simulation-based calibration).
/// </summary>
public static class PosteriorResampling
{
    /// <summary>The particle index of each of <paramref name="draws"/> draws, in increasing order.</summary>
    public static int[] Systematic(IReadOnlyList<double> weights, int draws, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        double total = Total(weights);
        double u = new ParticleStream(seed, 0, 0, 0, StreamPurpose.Resampling).NextDouble();
        return Pick(weights, total, draws, d => (u + d) / draws);
    }

    private static double Total(IReadOnlyList<double> weights)
    {
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

        return total;
    }

    /// <summary>
    /// <paramref name="draws"/> independent picks with probabilities proportional to the weights (multinomial
    /// resampling), draw d from uniform d of the seed's <see cref="StreamPurpose.Resampling"/> stream; in increasing order.
    /// </summary>
    public static int[] Independent(IReadOnlyList<double> weights, int draws, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        double total = Total(weights);
        var stream = new ParticleStream(seed, 0, 0, 1, StreamPurpose.Resampling);
        double[] positions = Enumerable.Range(0, draws).Select(_ => stream.NextDouble()).Order().ToArray();
        return Pick(weights, total, draws, d => positions[d]);
    }

    /// <summary>For increasing positions in (0, 1), the particle whose cumulative weight first reaches each.</summary>
    private static int[] Pick(IReadOnlyList<double> weights, double total, int draws, Func<int, double> positionOf)
    {
        var picks = new int[draws];
        int particle = 0;
        double cumulative = weights[0] / total;
        for (int d = 0; d < draws; d++)
        {
            double position = positionOf(d);
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
