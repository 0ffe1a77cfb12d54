namespace Mobility.Engine.Choice;

using System.Runtime.CompilerServices;

/// <summary>
/// Walker/Vose alias table: draws an item with probability proportional to its weight in O(1) from one uniform,
/// so a student's choice does not cost O(universities). Rebuilt once a year per agent type; buffers are reused.
/// </summary>
public sealed class AliasTable
{
    private int[] items = [];
    private double[] probability = [];
    private int[] alias = [];
    // items[alias[i]], so that a draw reads both candidates and selects one without a branch.
    private int[] aliasItem = [];
    private int[] small = [];
    private int[] large = [];
    private double[] scaled = [];

    public int Count { get; private set; }

    public double TotalWeight { get; private set; }

    /// <summary>Builds the table over the items with positive weight.</summary>
    public void Build(ReadOnlySpan<int> candidates, ReadOnlySpan<double> weights)
    {
        int n = 0;
        double total = 0;
        EnsureSize(candidates.Length);
        for (int i = 0; i < candidates.Length; i++)
        {
            if (weights[i] > 0 && double.IsFinite(weights[i]))
            {
                items[n] = candidates[i];
                scaled[n] = weights[i];
                total += weights[i];
                n++;
            }
        }

        Count = n;
        TotalWeight = total;
        if (n == 0)
        {
            return;
        }

        int smallCount = 0;
        int largeCount = 0;
        // Each item goes on the small or the large stack without a branch: it is written on top of both, and only the
        // stack it belongs to grows (the comparisons are coin tosses a branch would often mispredict). Both tops stay
        // below n, since the two stacks hold at most n items together.
        for (int i = 0; i < n; i++)
        {
            double x = scaled[i] * n / total;
            scaled[i] = x;
            int isSmall = x < 1.0 ? 1 : 0;
            small[smallCount] = i;
            large[largeCount] = i;
            smallCount += isSmall;
            largeCount += 1 - isSmall;
        }

        // Vose's pairing: the small item on top of its stack takes the large item on top of its stack as its alias, and
        // the large item's mass shrinks by what it gave. The textbook pushes the large item back and pops it again at
        // once while it stays large; here it stays in a register instead (the same pairs, in the same order, with the
        // same arithmetic), so its mass is not stored and reloaded at every step.
        if (smallCount > 0 && largeCount > 0)
        {
            int l = large[--largeCount];
            double mass = scaled[l];
            while (true)
            {
                int s = small[--smallCount];
                probability[s] = scaled[s];
                alias[s] = l;
                mass = mass + scaled[s] - 1.0;
                if (mass < 1.0)
                {
                    // The large item becomes small: on top of the small stack, so the next pairing gives it its alias.
                    scaled[l] = mass;
                    small[smallCount++] = l;
                    if (largeCount == 0)
                    {
                        break;
                    }

                    l = large[--largeCount];
                    mass = scaled[l];
                }
                else if (smallCount == 0)
                {
                    scaled[l] = mass;
                    large[largeCount++] = l;
                    break;
                }
            }
        }

        while (largeCount > 0)
        {
            int l = large[--largeCount];
            probability[l] = 1.0;
            alias[l] = l;
        }

        while (smallCount > 0)
        {
            int s = small[--smallCount];
            probability[s] = 1.0;
            alias[s] = s;
        }

        for (int i = 0; i < n; i++)
        {
            aliasItem[i] = items[alias[i]];
        }
    }

    /// <summary>Draws an item from a uniform on (0, 1); the table must not be empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Sample(double uniform)
    {
        double x = uniform * Count;
        int column = (int)x;
        if (column >= Count)
        {
            column = Count - 1;
        }

        int item = items[column];
        int other = aliasItem[column];

        // A select by mask: inside a loop the JIT compiles "c ? item : other" to a conditional jump, which the
        // processor often mispredicts (the comparison is a coin toss with the column's probability), while
        // "c ? 1 : 0" compiles to a flag move. The same item either way.
        int keep = x - column < probability[column] ? 1 : 0;
        return other ^ ((item ^ other) & -keep);
    }

    private void EnsureSize(int size)
    {
        if (items.Length >= size)
        {
            return;
        }

        items = new int[size];
        probability = new double[size];
        alias = new int[size];
        aliasItem = new int[size];
        small = new int[size];
        large = new int[size];
        scaled = new double[size];
    }
}
