namespace Mobility.Experiments.Sensitivity;

using MathNet.Numerics.Statistics;
using Mobility.Experiments.Sampling;
using Mobility.Experiments.Sweeps;

/// <summary>
/// Sensitivity of one scalar output of a sweep (one metric, country and year): the output is averaged over the
/// replications of each point, then the estimator of the design's method is applied.
/// </summary>
public static class SweepSensitivity
{
    /// <param name="plan">The sweep's plan (method sobol or morris).</param>
    /// <param name="outputByRun">The output of every planned run, by run id.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">Seed of the bootstrap.</param>
    public static SensitivityResult Analyse(SweepPlan plan, IReadOnlyDictionary<int, double> outputByRun, int resamples = SobolEstimator.DefaultResamples, int seed = 1)
    {
        SweepDesign design = plan.Design;
        if (design.Method is not (SamplingMethod.Sobol or SamplingMethod.Morris))
        {
            throw new ArgumentException($"sensitivity indices need a sobol or morris design (this one is {design.Method.ToString().ToLowerInvariant()})");
        }

        int missing = plan.Runs.Count(r => !outputByRun.ContainsKey(r.RunId));
        if (missing > 0)
        {
            throw new ArgumentException($"{missing} of {plan.Runs.Count} planned runs have no value for this output");
        }

        var sums = new double[plan.PointCount];
        var counts = new int[plan.PointCount];
        foreach (PlannedRun run in plan.Runs)
        {
            sums[run.Point] += outputByRun[run.RunId];
            counts[run.Point]++;
        }

        double[] y = sums.Select((s, p) => s / counts[p]).ToArray();
        double? noise = ReplicateNoiseShare(plan, outputByRun, y);
        string[] names = design.Parameters.Select(p => p.Name).ToArray();
        int k = names.Length;
        if (design.Method == SamplingMethod.Morris)
        {
            return new SensitivityResult(design.Method, [], MorrisEstimator.Estimate(names, plan.UnitPoints, y, resamples, seed), plan.PointCount, plan.Runs.Count, noise);
        }

        int block = SaltelliDesign.BlockSize(k);
        int n = plan.PointCount / block;
        var fA = new double[n];
        var fB = new double[n];
        var fAB = new double[k][];
        for (int i = 0; i < k; i++)
        {
            fAB[i] = new double[n];
        }

        for (int j = 0; j < n; j++)
        {
            fA[j] = y[j * block];
            fB[j] = y[j * block + 1];
            for (int i = 0; i < k; i++)
            {
                fAB[i][j] = y[j * block + 2 + i];
            }
        }

        return new SensitivityResult(design.Method, SobolEstimator.Estimate(names, fA, fB, fAB, resamples, seed), [], plan.PointCount, plan.Runs.Count, noise);
    }

    /// <summary>Mean within-point (replicate) sample variance over the sample variance of all runs; null without replications.</summary>
    private static double? ReplicateNoiseShare(SweepPlan plan, IReadOnlyDictionary<int, double> outputByRun, double[] pointMeans)
    {
        int r = plan.Design.Replications;
        if (r < 2)
        {
            return null;
        }

        double within = 0;
        foreach (PlannedRun run in plan.Runs)
        {
            double d = outputByRun[run.RunId] - pointMeans[run.Point];
            within += d * d;
        }

        within /= plan.PointCount * (r - 1);
        double total = plan.Runs.Select(run => outputByRun[run.RunId]).Variance();
        return total > 0 ? within / total : null;
    }
}
