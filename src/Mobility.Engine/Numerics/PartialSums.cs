namespace Mobility.Engine.Numerics;

/// <summary>
/// Per-chunk partial sums of a parallel pass, kept for reuse across years. Summing the slots in chunk order
/// makes the totals independent of the thread count.
/// </summary>
internal sealed class PartialSums
{
    private readonly int width;
    private double[][] slots = [];

    public PartialSums(int width)
    {
        this.width = width;
    }

    /// <summary>Zeroed buffers for <paramref name="chunks"/> chunks.</summary>
    public void Prepare(int chunks)
    {
        if (slots.Length < chunks)
        {
            // A quarter more than needed, so that a growing population does not allocate a slot every year.
            var grown = new double[chunks + (chunks / 4) + 4][];
            Array.Copy(slots, grown, slots.Length);
            for (int i = slots.Length; i < grown.Length; i++)
            {
                grown[i] = new double[width];
            }

            slots = grown;
        }

        for (int i = 0; i < chunks; i++)
        {
            Array.Clear(slots[i]);
        }
    }

    public double[] Slot(int chunk) => slots[chunk];

    /// <summary>Adds the chunks' sums, in chunk order, into <paramref name="total"/>.</summary>
    public void Reduce(int chunks, double[] total)
    {
        Array.Clear(total);
        for (int c = 0; c < chunks; c++)
        {
            var slot = slots[c];
            for (int k = 0; k < width; k++)
            {
                total[k] += slot[k];
            }
        }
    }
}
