namespace Mobility.Engine.Choice;

using System.Runtime.CompilerServices;
using Mobility.Engine.Random;
using Mobility.Model.Agents;

/// <summary>
/// Up to <see cref="PhiloxBatch.Size"/> seekers made ready for their ranked choices, on the stack: what a choice needs
/// of each seeker (id, agent type, funding) gathered from the student columns first (independent loads, so the cache
/// misses of these scattered slots overlap), then blocks 0 and 1 of their streams for one purpose computed together.
/// The streams it hands out draw exactly what <see cref="RandomStream"/> would.
/// </summary>
internal struct SeekerBatch
{
    private Ints ids;
    private Ints types;
    private Fundings funding;
    private Words a0, a1, a2, a3, b0, b1, b2, b3;
    private ulong seed;
    private int year;
    private Purpose purpose;

    public int Length { get; private set; }

    /// <summary>Gathers the seekers in <paramref name="slots"/> (at most <see cref="PhiloxBatch.Size"/>) and computes their first two blocks.</summary>
    public void Gather(StudentPopulation st, ChoiceTables tables, ReadOnlySpan<int> slots, ulong seed, int year, Purpose purpose)
    {
        int length = slots.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, PhiloxBatch.Size);
        Span<int> id = ids;
        Span<int> type = types;
        Span<Funding> paid = funding;
        for (int j = 0; j < length; j++)
        {
            int i = slots[j];
            id[j] = st.Id[i];
            paid[j] = st.Funding[i];
            type[j] = tables.TypeIndex(st.Origin[i], tables.Band(st.Resources[i]), (st.Flags[i] & StudentPopulation.FlagEnglish) != 0);
        }

        PhiloxBatch.Blocks(seed, year, purpose, 0, id[..length], a0, a1, a2, a3);
        PhiloxBatch.Blocks(seed, year, purpose, 1, id[..length], b0, b1, b2, b3);
        this.seed = seed;
        this.year = year;
        this.purpose = purpose;
        Length = length;
    }

    /// <summary>The agent type (origin, resource band, English) of seeker <paramref name="j"/> of the batch.</summary>
    public readonly int Type(int j) => types[j];

    /// <summary>The funding seeker <paramref name="j"/> had when the batch was gathered.</summary>
    public readonly Funding FundingOf(int j) => funding[j];

    /// <summary>Seeker <paramref name="j"/>'s stream for the batch's purpose, from its precomputed first two blocks.</summary>
    public readonly BatchedStream Stream(int j) =>
        new(seed, (uint)ids[j], year, purpose, 0, a0[j], a1[j], a2[j], a3[j], b0[j], b1[j], b2[j], b3[j]);

    [InlineArray(PhiloxBatch.Size)]
    private struct Ints
    {
        private int first;
    }

    [InlineArray(PhiloxBatch.Size)]
    private struct Words
    {
        private uint first;
    }

    [InlineArray(PhiloxBatch.Size)]
    private struct Fundings
    {
        private Funding first;
    }
}
