namespace Mobility.Tests.Engine;

using Mobility.Engine.Numerics;

/// <summary>
/// The per-chunk lists of a parallel pass concatenate in chunk order, each chunk's slots in the order they were added,
/// whether they were added one at a time or in runs that cross the lists' pages.
/// </summary>
public sealed class ChunkListsTests
{
    [Fact]
    public void Slots_added_one_by_one_and_in_runs_concatenate_in_chunk_order()
    {
        var lists = new ChunkLists();
        var expected = new List<int>();
        var random = new Random(3);
        for (int year = 0; year < 3; year++)
        {
            // Chunks filled in an order other than theirs, with runs of 0 to 2.5 pages, so runs start mid-page and cross pages.
            int chunks = 5 + year;
            lists.Prepare(chunks);
            var added = new List<int>[chunks];
            foreach (int c in Enumerable.Range(0, chunks).OrderBy(_ => random.Next()))
            {
                added[c] = [];
                var list = lists.Of(c);
                for (int run = 0; run < 4; run++)
                {
                    int[] slots = Enumerable.Range(0, random.Next(0, 5 * ChunkLists.PageSize / 2)).Select(k => (c * 1_000_000) + (run * 10_000) + k).ToArray();
                    if (run % 2 == 0)
                    {
                        list.AddRange(slots);
                    }
                    else
                    {
                        foreach (int slot in slots)
                        {
                            list.Add(slot);
                        }
                    }

                    added[c].AddRange(slots);
                }
            }

            expected.Clear();
            foreach (var chunk in added)
            {
                expected.AddRange(chunk);
            }

            var into = new List<int> { -1 };
            lists.Concatenate(chunks, into);
            Assert.Equal(expected, into);
        }
    }
}
