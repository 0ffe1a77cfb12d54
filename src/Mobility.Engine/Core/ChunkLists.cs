namespace Mobility.Engine.Core;

/// <summary>Per-chunk lists of agent slots found by a parallel pass, concatenated in chunk order afterwards.</summary>
/// <remarks>
/// Lists are created ahead of need (a quarter more chunks than asked for) with room for
/// <see cref="ExpectedShare"/> of a chunk, so a growing population does not allocate a little every year.
/// </remarks>
internal sealed class ChunkLists
{
    private readonly int initialCapacity;
    private List<int>[] lists = [];

    /// <param name="expectedShare">The share of a chunk's slots a pass usually finds (the lists' initial room).</param>
    public ChunkLists(double expectedShare = 0.125)
    {
        ExpectedShare = expectedShare;
        initialCapacity = (int)Math.Ceiling(ChunkedParallel.ChunkSize * Math.Clamp(expectedShare, 0, 1));
    }

    public double ExpectedShare { get; }

    public void Prepare(int chunks)
    {
        if (lists.Length < chunks)
        {
            var grown = new List<int>[chunks + (chunks / 4) + 4];
            Array.Copy(lists, grown, lists.Length);
            for (int i = lists.Length; i < grown.Length; i++)
            {
                grown[i] = new List<int>(initialCapacity);
            }

            lists = grown;
        }

        for (int i = 0; i < chunks; i++)
        {
            lists[i].Clear();
        }
    }

    public List<int> Of(int chunk) => lists[chunk];

    public void Concatenate(int chunks, List<int> into)
    {
        into.Clear();
        for (int c = 0; c < chunks; c++)
        {
            into.AddRange(lists[c]);
        }
    }
}
