namespace Mobility.Experiments.Sensitivity;

using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

/// <summary>
/// Morris measures from outputs on trajectories (see <see cref="Sampling.MorrisDesign"/>): each step of a trajectory
/// changes one coordinate, and its elementary effect is (f(x') - f(x)) / (x'_i - x_i) with coordinates in [0, 1]
/// (so effects are per whole range of the parameter). mu* is the mean of |effects|, sigma their sample standard
/// deviation; mu*'s 95% interval is a bootstrap percentile interval over trajectories.
/// </summary>
public static class MorrisEstimator
{
    /// <param name="names">Parameter names, k of them.</param>
    /// <param name="points">Unit-cube points, trajectories of k + 1 consecutive points.</param>
    /// <param name="outputs">f at each point.</param>
    /// <param name="resamples">Bootstrap resamples for mu*'s interval.</param>
    /// <param name="seed">Seed of the bootstrap draws.</param>
    public static MorrisIndex[] Estimate(
        IReadOnlyList<string> names, IReadOnlyList<double[]> points, IReadOnlyList<double> outputs, int resamples = SobolEstimator.DefaultResamples, int seed = 1)
    {
        int k = names.Count;
        int length = k + 1;
        if (points.Count != outputs.Count || points.Count == 0 || points.Count % length != 0)
        {
            throw new ArgumentException($"Morris estimation needs whole trajectories of {length} points with one output each");
        }

        int trajectories = points.Count / length;
        // effects[i][t]: the effect of parameter i measured on trajectory t.
        var effects = new double[k][];
        for (int i = 0; i < k; i++)
        {
            effects[i] = new double[trajectories];
        }

        for (int t = 0; t < trajectories; t++)
        {
            var seen = new bool[k];
            for (int s = 0; s < k; s++)
            {
                double[] from = points[t * length + s];
                double[] to = points[t * length + s + 1];
                int changed = -1;
                for (int i = 0; i < k; i++)
                {
                    if (from[i] != to[i])
                    {
                        changed = changed < 0 ? i : throw new ArgumentException($"trajectory {t}, step {s}: more than one coordinate changes");
                    }
                }

                if (changed < 0 || seen[changed])
                {
                    throw new ArgumentException($"trajectory {t}, step {s}: each step must change one new coordinate");
                }

                seen[changed] = true;
                effects[changed][t] = (outputs[t * length + s + 1] - outputs[t * length + s]) / (to[changed] - from[changed]);
            }
        }

        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var indices = new MorrisIndex[k];
        var draws = new double[resamples];
        for (int i = 0; i < k; i++)
        {
            double[] e = effects[i];
            double muStar = e.Select(Math.Abs).Average();
            for (int b = 0; b < resamples; b++)
            {
                double sum = 0;
                for (int j = 0; j < trajectories; j++)
                {
                    sum += Math.Abs(e[random.Next(trajectories)]);
                }

                draws[b] = sum / trajectories;
            }

            var (low, high) = SobolEstimator.Interval(draws);
            double sigma = trajectories > 1 ? e.StandardDeviation() : double.NaN;
            indices[i] = new MorrisIndex(names[i], e.Average(), muStar, low, high, sigma, trajectories);
        }

        return indices;
    }
}
