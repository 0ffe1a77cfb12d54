namespace Mobility.Experiments.Sweeps;

using MathNet.Numerics.Random;
using Mobility.Experiments.Sampling;

/// <summary>Turns a design into its plan. Deterministic: the same design (and seed) gives the same plan.</summary>
public static class SweepPlanner
{
    public static SweepPlan Plan(SweepDesign design)
    {
        int k = design.Parameters.Count;
        ArgumentOutOfRangeException.ThrowIfZero(k);
        var random = new Xoshiro256StarStar(design.Seed, threadSafe: false);
        double[][] unit;
        double[][] values;
        if (design.Method == SamplingMethod.Grid)
        {
            int[] levels = design.Parameters.Select(p => p.GridLevels(design.Samples)).ToArray();
            int[][] indices = FullGrid.Sample(levels);
            unit = indices.Select(row => row.Select((j, d) => levels[d] == 1 ? 0.5 : j / (double)(levels[d] - 1)).ToArray()).ToArray();
            values = indices.Select(row => row.Select((j, d) => design.Parameters[d].GridValue(j, design.Samples)).ToArray()).ToArray();
            return new SweepPlan(design, unit, values);
        }

        unit = design.Method switch
        {
            SamplingMethod.Random => UniformSample.Sample(design.Samples, k, random),
            SamplingMethod.Lhs => LatinHypercube.Sample(design.Samples, k, random),
            SamplingMethod.Sobol => SaltelliDesign.Sample(design.Samples, k),
            SamplingMethod.Morris => MorrisDesign.Sample(design.Samples, k, design.MorrisLevels, random),
            _ => throw new ArgumentOutOfRangeException(nameof(design), design.Method, "unknown sampling method"),
        };
        values = unit.Select(row => row.Select((u, d) => design.Parameters[d].FromUnit(u)).ToArray()).ToArray();
        return new SweepPlan(design, unit, values);
    }

    /// <summary>Runs the design would plan, without planning them (for checks and messages).</summary>
    public static long RunCount(SweepDesign design)
    {
        int k = design.Parameters.Count;
        long points = design.Method switch
        {
            SamplingMethod.Grid => design.Parameters.Aggregate(1L, (n, p) => n * p.GridLevels(design.Samples)),
            SamplingMethod.Sobol => (long)design.Samples * SaltelliDesign.BlockSize(k),
            SamplingMethod.Morris => (long)design.Samples * MorrisDesign.TrajectoryLength(k),
            _ => design.Samples,
        };
        return points * design.Replications;
    }
}
