namespace Mobility.Engine.Phases;

using Mobility.Engine.Core;
using Mobility.Engine.Random;

/// <summary>
/// Orders applicants best ability first, ties broken by a hash of seed and agent id, so the order never depends
/// on thread count or scheduling. Admission puts funded applicants before all self-funded ones.
/// </summary>
/// <remarks>
/// Keys are computed and sorted in parallel (a stable least-significant-digit radix sort); buffers are kept from
/// year to year. Keys are distinct in practice (equal ability and an equal 32-bit hash), so the order is the unique
/// sorted one; if two keys are ever equal, the order falls back to <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/>
/// on the keys in applicant order, which is what this class has always returned.
/// </remarks>
internal sealed class MeritOrder
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = (63 + DigitBits - 1) / DigitBits;

    private int[] counts = [];
    private ulong[] keys = [];
    private int[] order = [];
    private ulong[] keysBuffer = [];
    private int[] orderBuffer = [];

    public static ulong Key(ulong seed, int id, float ability, int priority, int year)
        => Key(ability, priority, RandomStream.Hash(seed, (uint)id, year, Purpose.TieBreak));

    /// <summary>The key with the tie-breaking hash already computed (e.g. in a batch).</summary>
    private static ulong Key(float ability, int priority, uint tie)
    {
        ulong rank = (ulong)((1.0 - Math.Clamp(ability, 0f, 1f)) * 0x3FFF_FFFF);
        return ((ulong)(priority & 1) << 62) | (rank << 32) | tie;
    }

    /// <summary>
    /// Positions into <paramref name="slots"/> (then 0..<paramref name="extra"/>-1 offset by the slot count, for
    /// applicants who are not agents yet, keyed by <paramref name="extraKey"/>), sorted by merit. The span is
    /// valid until the next call.
    /// </summary>
    public ReadOnlySpan<int> Sort(SimulationState s, List<int> slots, bool fundedFirst, int extra = 0, Func<int, ulong>? extraKey = null)
    {
        int total = slots.Count + extra;
        Ensure(total);
        FillKeys(s, slots, fundedFirst, extra, extraKey);
        RadixSort(s, total);
        for (int i = 1; i < total; i++)
        {
            if (keys[i] == keys[i - 1])
            {
                FillKeys(s, slots, fundedFirst, extra, extraKey);
                Array.Sort(keys, order, 0, total);
                break;
            }
        }

        return order.AsSpan(0, total);
    }

    private void FillKeys(SimulationState s, List<int> slots, bool fundedFirst, int extra, Func<int, ulong>? extraKey)
    {
        var st = s.Students;
        int count = slots.Count;
        ulong seed = s.Seed;
        int year = s.Year;
        s.Parallel.For(count + extra, (_, start, end) =>
        {
            // The tie-breaking hashes of the agents come from batches of Philox blocks (the hash is block HashBlock's first word).
            Span<int> ids = stackalloc int[PhiloxBatch.Size];
            Span<uint> r0 = stackalloc uint[PhiloxBatch.Size], r1 = stackalloc uint[PhiloxBatch.Size];
            Span<uint> r2 = stackalloc uint[PhiloxBatch.Size], r3 = stackalloc uint[PhiloxBatch.Size];
            int agentsEnd = Math.Min(end, count);
            for (int k0 = start; k0 < agentsEnd; k0 += PhiloxBatch.Size)
            {
                int n = Math.Min(PhiloxBatch.Size, agentsEnd - k0);
                for (int j = 0; j < n; j++)
                {
                    ids[j] = st.Id[slots[k0 + j]];
                }

                PhiloxBatch.Blocks(seed, year, Purpose.TieBreak, RandomStream.HashBlock, ids[..n], r0, r1, r2, r3);
                for (int j = 0; j < n; j++)
                {
                    int i = slots[k0 + j];
                    int priority = fundedFirst ? FundingPriority.Of(st.Funding[i]) : 0;
                    keys[k0 + j] = Key(st.Ability[i], priority, r0[j]);
                    order[k0 + j] = k0 + j;
                }
            }

            for (int k = Math.Max(start, count); k < end; k++)
            {
                keys[k] = extraKey!(k - count);
                order[k] = k;
            }
        });
    }

    /// <summary>
    /// Stable LSD radix sort of (keys, order) in parallel: per pass, every chunk counts its digits, the offsets are laid
    /// out bucket by bucket and, within a bucket, chunk by chunk, and every chunk scatters its elements in order. That
    /// is exactly the order a sequential stable pass gives.
    /// </summary>
    private void RadixSort(SimulationState s, int total)
    {
        if (total < 2)
        {
            return;
        }

        int chunks = ChunkedParallel.ChunkCount(total);
        if (counts.Length < chunks * Buckets)
        {
            counts = new int[chunks * Buckets];
        }

        var from = keys;
        var fromOrder = order;
        var to = keysBuffer;
        var toOrder = orderBuffer;
        for (int pass = 0; pass < Passes; pass++)
        {
            int shift = pass * DigitBits;
            var source = from;
            s.Parallel.For(total, (chunk, start, end) =>
            {
                var histogram = counts.AsSpan(chunk * Buckets, Buckets);
                histogram.Clear();
                for (int i = start; i < end; i++)
                {
                    histogram[(int)(source[i] >> shift) & (Buckets - 1)]++;
                }
            });

            int first = (int)(from[0] >> shift) & (Buckets - 1);
            int inFirst = 0;
            for (int c = 0; c < chunks; c++)
            {
                inFirst += counts[(c * Buckets) + first];
            }

            if (inFirst == total)
            {
                continue;
            }

            int sum = 0;
            for (int b = 0; b < Buckets; b++)
            {
                for (int c = 0; c < chunks; c++)
                {
                    int n = counts[(c * Buckets) + b];
                    counts[(c * Buckets) + b] = sum;
                    sum += n;
                }
            }

            var sourceOrder = fromOrder;
            var target = to;
            var targetOrder = toOrder;
            s.Parallel.For(total, (chunk, start, end) =>
            {
                var offsets = counts.AsSpan(chunk * Buckets, Buckets);
                for (int i = start; i < end; i++)
                {
                    int at = offsets[(int)(source[i] >> shift) & (Buckets - 1)]++;
                    target[at] = source[i];
                    targetOrder[at] = sourceOrder[i];
                }
            });

            (from, to) = (to, from);
            (fromOrder, toOrder) = (toOrder, fromOrder);
        }

        if (!ReferenceEquals(from, keys))
        {
            Array.Copy(from, keys, total);
            Array.Copy(fromOrder, order, total);
        }
    }

    private void Ensure(int total)
    {
        if (keys.Length >= total)
        {
            return;
        }

        int size = Math.Max(total, keys.Length * 3 / 2);
        keys = new ulong[size];
        order = new int[size];
        keysBuffer = new ulong[size];
        orderBuffer = new int[size];
    }
}
