namespace Mobility.Experiments.Sampling;

/// <summary>
/// Morris (1991) elementary-effects trajectories on a p-level grid {0, 1/(p-1), .., 1} of [0, 1]^k with step
/// delta = p / (2 (p - 1)): each trajectory starts at a random grid point and moves one coordinate at a time, in a
/// random order, by +delta or -delta, so it has k + 1 points and each step measures one parameter's effect.
/// Trajectory t occupies points t*(k+1) .. t*(k+1)+k.
/// </summary>
public static class MorrisDesign
{
    public static int TrajectoryLength(int parameters) => parameters + 1;

    public static double Delta(int levels) => levels / (2.0 * (levels - 1));

    public static double[][] Sample(int trajectories, int parameters, int levels, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        if (levels < 2 || levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), "Morris needs an even number of levels >= 2");
        }

        int k = parameters;
        double delta = Delta(levels);
        // Starting levels: those from which +delta stays on the grid (the lower half).
        int startLevels = levels / 2;
        var points = new double[trajectories * TrajectoryLength(k)][];
        var order = new int[k];
        for (int t = 0; t < trajectories; t++)
        {
            var x = new double[k];
            for (int i = 0; i < k; i++)
            {
                double start = random.Next(startLevels) / (double)(levels - 1);
                // Going down from the upper point is as likely as going up from the lower one.
                x[i] = random.Next(2) == 0 ? start : start + delta;
                order[i] = i;
            }

            random.Shuffle(order);
            int at = t * TrajectoryLength(k);
            points[at] = (double[])x.Clone();
            for (int s = 0; s < k; s++)
            {
                int i = order[s];
                x[i] = x[i] < 0.5 ? x[i] + delta : x[i] - delta;
                x[i] = Math.Clamp(Math.Round(x[i] * (levels - 1)) / (levels - 1), 0, 1);
                points[at + 1 + s] = (double[])x.Clone();
            }
        }

        return points;
    }
}
