namespace Mobility.Engine.Core;

/// <summary>Per-chunk lists of agent slots found by a parallel pass, concatenated in chunk order afterwards.</summary>
internal sealed class ChunkLists
{
    private List<int>[] lists = [];

    public void Prepare(int chunks)
    {
        if (lists.Length < chunks)
        {
            var grown = new List<int>[chunks];
            Array.Copy(lists, grown, lists.Length);
            for (int i = lists.Length; i < chunks; i++)
            {
                grown[i] = new List<int>();
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
