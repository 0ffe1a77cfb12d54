namespace Mobility.Experiments.Calibration;

/// <summary>
/// Latin hypercube sample of the unit cube: each dimension is cut into n equal strata and every stratum holds exactly
/// one point, so n points cover every parameter's whole range (McKay, Beckman and Conover 1979). Used to screen the
/// bounds globally before local refinement; reproducible for a seed.
/// </summary>
public static class LatinHypercube
{
    public static double[][] Sample(int points, int dimensions, int seed)
    {
        var random = new Random(seed);
        var sample = new double[points][];
        for (int i = 0; i < points; i++)
        {
            sample[i] = new double[dimensions];
        }

        for (int d = 0; d < dimensions; d++)
        {
            int[] strata = Enumerable.Range(0, points).ToArray();
            random.Shuffle(strata);
            for (int i = 0; i < points; i++)
            {
                sample[i][d] = (strata[i] + random.NextDouble()) / points;
            }
        }

        return sample;
    }
}
