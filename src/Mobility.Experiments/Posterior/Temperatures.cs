namespace Mobility.Experiments.Posterior;

/// <summary>
/// The adaptive temperature of annealed ABC-SMC: a generation's weights are exp(a_i + beta l_i), a_i the log ratio of
/// prior to proposal density, l_i the log kernel density of particle i's simulation, beta = 1 / T. Every generation
/// simulated so far can be reweighted to any beta (its a_i and l_i are kept), and each is then an importance sample of
/// the same target, prior x likelihood^beta; the generations are pooled with weights proportional to their effective
/// sample sizes (importance tempering, Gramacy, Samworth and King 2010; recycling in SMC samplers, Nguyen et al. 2014),
/// so the pooled Kish effective sample size is the sum of theirs. The next beta is the largest in [previous, 1] whose
/// pooled effective sample size stays at or above a target (Del Moral, Doucet and Jasra 2012, with the pool in place
/// of the last generation), found by bisection; 1 when that already does. When even the previous beta leaves fewer
/// than the target, the temperature stays: the next generation adds its effective particles to the pool at that
/// temperature, so a run that stalls for a generation goes on from there (and one that never reaches temperature 1
/// within its generations ends at a tempered posterior, wider than the posterior, and says so).
/// </summary>
public static class Temperatures
{
    private const int Bisections = 60;

    /// <summary>
    /// The largest beta in [previous, 1] whose pooled effective sample size over the generations
    /// (<paramref name="proposalLogs"/>[s], <paramref name="logLikelihoods"/>[s]) is at least <paramref name="targetEss"/>;
    /// previous when even it falls short.
    /// </summary>
    public static double NextInverse(IReadOnlyList<IReadOnlyList<double>> proposalLogs, IReadOnlyList<IReadOnlyList<double>> logLikelihoods, double previous, double targetEss)
    {
        double low = Math.Clamp(previous, 0, 1), high = 1;
        if (PooledEffectiveSampleSize(proposalLogs, logLikelihoods, 1) >= targetEss)
        {
            return 1;
        }

        if (PooledEffectiveSampleSize(proposalLogs, logLikelihoods, low) < targetEss)
        {
            return low;
        }

        for (int i = 0; i < Bisections; i++)
        {
            double mid = (low + high) / 2;
            if (PooledEffectiveSampleSize(proposalLogs, logLikelihoods, mid) >= targetEss)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The unnormalised weights exp(a_i + beta l_i - max), 0 for a failed simulation (l = -inf) at any beta.</summary>
    public static double[] Weights(IReadOnlyList<double> proposalLog, IReadOnlyList<double> logLikelihood, double beta)
    {
        var log = new double[proposalLog.Count];
        double max = double.NegativeInfinity;
        for (int i = 0; i < log.Length; i++)
        {
            log[i] = double.IsNegativeInfinity(logLikelihood[i]) ? double.NegativeInfinity : proposalLog[i] + (beta * logLikelihood[i]);
            max = Math.Max(max, log[i]);
        }

        if (double.IsNegativeInfinity(max))
        {
            throw new InvalidOperationException("every simulation of the generation failed: no particle has a positive weight");
        }

        return log.Select(l => Math.Exp(l - max)).ToArray();
    }

    /// <summary>
    /// The pooled weights at <paramref name="beta"/>: generation s's normalised weights times its share of the summed
    /// effective sample sizes, so that the pool (all generations' particles, in order) has weights summing to 1 and a
    /// Kish effective sample size equal to the sum of the generations'. A generation whose simulations all failed adds nothing.
    /// </summary>
    public static double[] PooledWeights(IReadOnlyList<IReadOnlyList<double>> proposalLogs, IReadOnlyList<IReadOnlyList<double>> logLikelihoods, double beta)
    {
        var perGeneration = new double[proposalLogs.Count][];
        var ess = new double[proposalLogs.Count];
        for (int s = 0; s < perGeneration.Length; s++)
        {
            perGeneration[s] = logLikelihoods[s].All(double.IsNegativeInfinity) ? new double[proposalLogs[s].Count] : Normalised(Weights(proposalLogs[s], logLikelihoods[s], beta));
            ess[s] = perGeneration[s].Any(w => w > 0) ? 1 / perGeneration[s].Sum(w => w * w) : 0;
        }

        double total = ess.Sum();
        return perGeneration.SelectMany((w, s) => w.Select(x => x * ess[s] / total)).ToArray();
    }

    public static double EffectiveSampleSize(IReadOnlyList<double> proposalLog, IReadOnlyList<double> logLikelihood, double beta)
    {
        double[] w = Weights(proposalLog, logLikelihood, beta);
        double sum = 0, squares = 0;
        foreach (double x in w)
        {
            sum += x;
            squares += x * x;
        }

        return sum * sum / squares;
    }

    /// <summary>The sum of the generations' effective sample sizes at <paramref name="beta"/>: the pool's (<see cref="PooledWeights"/>).</summary>
    public static double PooledEffectiveSampleSize(IReadOnlyList<IReadOnlyList<double>> proposalLogs, IReadOnlyList<IReadOnlyList<double>> logLikelihoods, double beta)
    {
        double sum = 0;
        for (int s = 0; s < proposalLogs.Count; s++)
        {
            if (!logLikelihoods[s].All(double.IsNegativeInfinity))
            {
                sum += EffectiveSampleSize(proposalLogs[s], logLikelihoods[s], beta);
            }
        }

        return sum;
    }

    private static double[] Normalised(double[] weights)
    {
        double total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }
}
