namespace Mobility.Engine.Numerics;

using System.Runtime.CompilerServices;

/// <summary>Per-chunk lists of agent slots found by a parallel pass, concatenated in chunk order afterwards.</summary>
/// <remarks>
/// A chunk's list is a chain of fixed-size pages taken from one store shared by all chunks, and the store is kept
/// from year to year. So memory and allocation follow the total found, not how it is spread over the chunks: with
/// lists bound to chunk indices, the chunk that held the year's most eager entrants grew its own list, a different
/// chunk every year (an allocation a year that the BenchmarkDotNet memory diagnoser showed at a million agents).
/// </remarks>
internal sealed class ChunkLists
{
    /// <summary>Slots per page.</summary>
    public const int PageSize = 1024;

    private const int MaxPagesPerChunk = (ChunkedParallel.ChunkSize + PageSize - 1) / PageSize;

    private readonly object growing = new();
    private int[][] pages = [];
    private int pagesTaken;
    private ChunkList[] lists = [];

    public void Prepare(int chunks)
    {
        if (lists.Length < chunks)
        {
            // A quarter more than needed, so that a growing population does not allocate every year.
            var grown = new ChunkList[chunks + (chunks / 4) + 4];
            Array.Copy(lists, grown, lists.Length);
            for (int i = lists.Length; i < grown.Length; i++)
            {
                grown[i] = new ChunkList(this);
            }

            lists = grown;
        }

        for (int i = 0; i < chunks; i++)
        {
            lists[i].Clear();
        }

        pagesTaken = 0;
    }

    public ChunkList Of(int chunk) => lists[chunk];

    public void Concatenate(int chunks, List<int> into)
    {
        into.Clear();
        AppendTo(chunks, into);
    }

    /// <summary>Appends the first <paramref name="chunks"/> lists, in chunk order, after what <paramref name="into"/> holds.</summary>
    public void AppendTo(int chunks, List<int> into)
    {
        for (int c = 0; c < chunks; c++)
        {
            lists[c].AppendTo(into);
        }
    }

    /// <summary>A free page for any chunk; the store grows (by a quarter) only when the pass needs more than ever before.</summary>
    private int[] TakePage()
    {
        int index = Interlocked.Increment(ref pagesTaken) - 1;
        var store = Volatile.Read(ref pages);
        if (index < store.Length)
        {
            return store[index];
        }

        lock (growing)
        {
            store = pages;
            if (index >= store.Length)
            {
                var grown = new int[Math.Max(index + 1, store.Length + (store.Length / 4) + 8)][];
                Array.Copy(store, grown, store.Length);
                for (int i = store.Length; i < grown.Length; i++)
                {
                    grown[i] = new int[PageSize];
                }

                Volatile.Write(ref pages, grown);
                store = grown;
            }

            return store[index];
        }
    }

    /// <summary>One chunk's list: used by one thread at a time, during one pass.</summary>
    internal sealed class ChunkList
    {
        private readonly ChunkLists owner;
        private readonly int[][] chain = new int[MaxPagesPerChunk][];
        private int pageCount;
        private int inLastPage = PageSize;

        public ChunkList(ChunkLists owner)
        {
            this.owner = owner;
        }

        public void Add(int slot)
        {
            TakePageIfFull();
            chain[pageCount - 1][inLastPage++] = slot;
        }

        /// <summary>Adds the slots in order, a page's worth at a time.</summary>
        public void AddRange(ReadOnlySpan<int> slots)
        {
            while (!slots.IsEmpty)
            {
                TakePageIfFull();
                int n = Math.Min(slots.Length, PageSize - inLastPage);
                slots[..n].CopyTo(chain[pageCount - 1].AsSpan(inLastPage));
                inLastPage += n;
                slots = slots[n..];
            }
        }

        /// <summary>Chains a new page when the last one is full (or there is none yet).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void TakePageIfFull()
        {
            if (inLastPage == PageSize)
            {
                chain[pageCount++] = owner.TakePage();
                inLastPage = 0;
            }
        }

        public void Clear()
        {
            pageCount = 0;
            inLastPage = PageSize;
        }

        public void AppendTo(List<int> into)
        {
            for (int p = 0; p < pageCount; p++)
            {
                into.AddRange(chain[p].AsSpan(0, p == pageCount - 1 ? inLastPage : PageSize));
            }
        }
    }
}
