namespace Mobility.Experiments.Posterior;

/// <summary>
/// The adaptive temperature of annealed ABC-SMC: a generation's weights are exp(a_i + beta l_i), a_i the log ratio of
/// prior to proposal density, l_i the log kernel density of particle i's simulation, beta = 1 / T. The next beta is the
/// largest in [previous, 1] whose weights keep Kish's effective sample size (sum w)^2 / sum w^2 at or above a target
/// (Del Moral, Doucet and Jasra 2012), found by bisection; 1 when that already does. The target is f N. When the
/// proposal alone (beta unchanged) already leaves fewer than f N effective particles, the temperature stays: lowering
/// it would trade effective particles for likelihood (the weights degenerate when the simulations are noisy: the
/// kernel density of one simulation is a noisy estimate of the likelihood, and its noise grows with beta), and a run
/// that cannot reach temperature 1 this way ends at a tempered posterior, wider than the posterior, and says so.
/// </summary>
public static class Temperatures
{
    private const int Bisections = 60;

    public static double NextInverse(IReadOnlyList<double> proposalLog, IReadOnlyList<double> logLikelihood, double previous, double fraction)
    {
        double low = Math.Clamp(previous, 0, 1), high = 1;
        double atPrevious = EffectiveSampleSize(proposalLog, logLikelihood, low);
        double targetEss = fraction * proposalLog.Count;
        if (EffectiveSampleSize(proposalLog, logLikelihood, 1) >= targetEss)
        {
            return 1;
        }

        if (atPrevious < targetEss)
        {
            return low;
        }

        for (int i = 0; i < Bisections; i++)
        {
            double mid = (low + high) / 2;
            if (EffectiveSampleSize(proposalLog, logLikelihood, mid) >= targetEss)
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
}
