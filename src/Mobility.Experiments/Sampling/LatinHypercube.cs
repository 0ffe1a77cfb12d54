namespace Mobility.Experiments.Sampling;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman and Conover 1979): n points in [0, 1)^d such that in every dimension
/// each of the n equal strata [i/n, (i+1)/n) holds exactly one point, at a uniform position inside it.
/// </summary>
public static class LatinHypercube
{
    public static double[][] Sample(int count, int dimensions, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var points = new double[count][];
        for (int i = 0; i < count; i++)
        {
            points[i] = new double[dimensions];
        }

        var strata = new int[count];
        for (int d = 0; d < dimensions; d++)
        {
            for (int i = 0; i < count; i++)
            {
                strata[i] = i;
            }

            random.Shuffle(strata);
            for (int i = 0; i < count; i++)
            {
                points[i][d] = (strata[i] + random.NextDouble()) / count;
            }
        }

        return points;
    }
}
