namespace Mobility.Experiments.Posterior;

/// <summary>
/// The adaptive temperature of annealed ABC-SMC: a generation's weights are exp(a_i + beta l_i), a_i the log ratio of
/// prior to proposal density, l_i the log kernel density of particle i's simulation, beta = 1 / T. The next beta is the
/// largest in [previous, 1] whose weights keep Kish's effective sample size (sum w)^2 / sum w^2 at or above a target
/// (Del Moral, Doucet and Jasra 2012), found by bisection; 1 when that already does. The target is f N; when the
/// proposal alone (beta unchanged) already leaves fewer than f N effective particles, it is f times that ESS (the
/// conditional criterion of Zhou, Johansen and Aston 2016), so the temperature always falls.
/// </summary>
public static class Temperatures
{
    private const int Bisections = 60;

    public static double NextInverse(IReadOnlyList<double> proposalLog, IReadOnlyList<double> logLikelihood, double previous, double fraction)
    {
        double low = Math.Clamp(previous, 0, 1), high = 1;
        double atPrevious = EffectiveSampleSize(proposalLog, logLikelihood, low);
        double targetEss = atPrevious >= fraction * proposalLog.Count ? fraction * proposalLog.Count : fraction * atPrevious;
        if (EffectiveSampleSize(proposalLog, logLikelihood, 1) >= targetEss)
        {
            return 1;
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
