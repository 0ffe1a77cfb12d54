namespace Mobility.Experiments.Sampling;

/// <summary>The full factorial grid: every combination of level indices, the last dimension varying fastest.</summary>
public static class FullGrid
{
    /// <summary>All combinations; row r holds, per dimension d, a level index in 0 .. levels[d] - 1.</summary>
    public static int[][] Sample(IReadOnlyList<int> levels)
    {
        ArgumentOutOfRangeException.ThrowIfZero(levels.Count);
        long total = 1;
        foreach (int l in levels)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(l, 1);
            total = checked(total * l);
        }

        var points = new int[checked((int)total)][];
        var index = new int[levels.Count];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = (int[])index.Clone();
            for (int d = levels.Count - 1; d >= 0; d--)
            {
                if (++index[d] < levels[d])
                {
                    break;
                }

                index[d] = 0;
            }
        }

        return points;
    }
}
