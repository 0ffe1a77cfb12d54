namespace Mobility.Experiments.Sampling;

/// <summary>Independent uniform points in [0, 1)^d (plain Monte Carlo).</summary>
public static class UniformSample
{
    public static double[][] Sample(int count, int dimensions, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var points = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var p = new double[dimensions];
            for (int d = 0; d < dimensions; d++)
            {
                p[d] = random.NextDouble();
            }

            points[i] = p;
        }

        return points;
    }
}
