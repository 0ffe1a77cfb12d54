namespace Mobility.Engine.Phases;

using System.Runtime.CompilerServices;
using Mobility.Engine.Numerics;
using Mobility.Engine.Random;
using Mobility.Engine.State;

/// <summary>
/// Orders applicants best ability first, ties broken by a hash of seed and agent id, so the order never depends
/// on thread count or scheduling. Admission puts funded applicants before all self-funded ones.
/// </summary>
/// <remarks>
/// The order is that of the 64-bit keys of <see cref="Key(ulong, int, float, int, int)"/>: priority, rank of the
/// ability, tie-breaking hash. It is found in parallel in two steps: a stable least-significant-digit radix sort of
/// the upper 32 bits (priority and rank: three passes of 11 bits over 8-byte elements, rank and position packed in
/// one word), then the runs of equal rank (applicants of exactly equal ability: under 1 % of them) are ordered by
/// their hashes, which are computed for those applicants only. Keys are distinct in practice (equal ability and an
/// equal 32-bit hash), so that is the unique sorted order; if two keys are ever equal, the order falls back to
/// <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/> on the keys in applicant order, which is what this class
/// has always returned. Buffers are kept from year to year.
/// </remarks>
internal sealed class MeritOrder
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int RankShift = 32;
    private const int Passes = (31 + DigitBits - 1) / DigitBits;
    private const int InsertionRun = 32;

    private readonly ChunkedParallel? runner;
    private int[] counts = [];
    // (priority << 30 | rank) << 32 | applicant position; sorted on the upper word.
    private ulong[] packed = [];
    private ulong[] packedBuffer = [];
    private ulong tieSeed;
    private int tieYear;
    private List<int> tieSlots = [];
    private int[] tieIds = [];
    private int[]? tieExtraIds;
    private int[] order = [];
    private ulong[] fallbackKeys = [];
    private int equalKeys;

    /// <param name="runner">Runs the sort's passes; the simulation's own (all its threads) when null.</param>
    public MeritOrder(ChunkedParallel? runner = null)
    {
        this.runner = runner;
    }

    public static ulong Key(ulong seed, int id, float ability, int priority, int year)
        => ((ulong)Rank(ability, priority) << 32) | RandomStream.Hash(seed, (uint)id, year, Purpose.TieBreak);

    /// <summary>The upper 32 bits of the key: the funding priority, then the rank of the ability (best first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Rank(float ability, int priority)
    {
        ulong rank = (ulong)((1.0 - Math.Clamp(ability, 0f, 1f)) * 0x3FFF_FFFF);
        return ((uint)(priority & 1) << 30) | (uint)rank;
    }

    /// <summary>
    /// Positions into <paramref name="slots"/> (then 0..<paramref name="extra"/>-1 offset by the slot count, for
    /// applicants who are not agents yet, with ids <paramref name="extraIds"/>, abilities <paramref name="extraAbility"/>
    /// and priority <paramref name="extraPriority"/>), sorted by merit. The span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<int> Sort(
        SimulationState s, List<int> slots, bool fundedFirst, int extra = 0, int[]? extraIds = null, float[]? extraAbility = null, int extraPriority = 0)
    {
        int total = slots.Count + extra;
        Ensure(total);
        FillKeys(s, slots, fundedFirst, extra, extraIds, extraAbility, extraPriority);
        RadixSort(s, total);
        equalKeys = 0;
        OrderRuns(s, total);
        if (equalKeys != 0)
        {
            SortFullKeys(s, slots, fundedFirst, extra, extraIds!, extraAbility!, extraPriority);
        }

        return order.AsSpan(0, total);
    }

    /// <summary>The array behind the last <see cref="Sort"/>'s span (its first applicant-count entries), for parallel passes over it.</summary>
    public int[] Sorted => order;

    private void FillKeys(SimulationState s, List<int> slots, bool fundedFirst, int extra, int[]? extraIds, float[]? extraAbility, int extraPriority)
    {
        var st = s.Students;
        int count = slots.Count;
        tieSeed = s.Seed;
        tieYear = s.Year;
        tieSlots = slots;
        tieIds = st.Id;
        tieExtraIds = extraIds;
        Runner(s).Items(count + extra, (start, end) =>
        {
            int agentsEnd = Math.Min(end, count);
            for (int k = start; k < agentsEnd; k++)
            {
                int i = slots[k];
                int priority = fundedFirst ? FundingPriority.Of(st.Funding[i]) : 0;
                packed[k] = ((ulong)Rank(st.Ability[i], priority) << RankShift) | (uint)k;
            }

            for (int k = Math.Max(start, count); k < end; k++)
            {
                packed[k] = ((ulong)Rank(extraAbility![k - count], extraPriority) << RankShift) | (uint)k;
            }
        });
    }

    /// <summary>
    /// The tie-breaking hash of the applicant at <paramref name="position"/> (the lower word of its key), computed
    /// only for applicants of equal rank: under 1 % of them (a run of the baseline at scale 1 sorts 7.2 million
    /// applicants and hashes 54,730), so hashing every applicant up front was mostly wasted.
    /// </summary>
    private uint TieOf(int position) => position < tieSlots.Count
        ? RandomStream.Hash(tieSeed, (uint)tieIds[tieSlots[position]], tieYear, Purpose.TieBreak)
        : RandomStream.Hash(tieSeed, (uint)tieExtraIds![position - tieSlots.Count], tieYear, Purpose.TieBreak);

    /// <summary>
    /// Stable LSD radix sort of the packed words by their upper 32 bits, in parallel: the words are cut into one
    /// contiguous part per thread; per pass, every part counts its digits, the offsets are laid out bucket by bucket
    /// and, within a bucket, part by part, and every part scatters its elements in order. That is exactly the order a
    /// sequential stable pass gives, for any number of parts. Leaves the result in packed.
    /// </summary>
    /// <remarks>
    /// One part per thread rather than one per chunk: with about a hundred words per bucket, chunk-sized parts write
    /// a few words each into every bucket, so two threads would keep writing into the same cache lines.
    /// </remarks>
    private void RadixSort(SimulationState s, int total)
    {
        if (total < 2)
        {
            return;
        }

        var parallel = Runner(s);
        int parts = Math.Min(parallel.Threads, ChunkedParallel.ChunkCount(total));
        if (counts.Length < parts * Buckets)
        {
            counts = new int[parts * Buckets];
        }

        var from = packed;
        var to = packedBuffer;
        for (int pass = 0; pass < Passes; pass++)
        {
            int shift = RankShift + (pass * DigitBits);
            var source = from;
            parallel.Tasks(parts, part =>
            {
                var histogram = counts.AsSpan(part * Buckets, Buckets);
                histogram.Clear();
                for (int i = PartStart(part, parts, total), end = PartStart(part + 1, parts, total); i < end; i++)
                {
                    histogram[(int)(source[i] >> shift) & (Buckets - 1)]++;
                }
            });

            int first = (int)(from[0] >> shift) & (Buckets - 1);
            int inFirst = 0;
            for (int c = 0; c < parts; c++)
            {
                inFirst += counts[(c * Buckets) + first];
            }

            if (inFirst == total)
            {
                continue;
            }

            Offsets(parts);
            var target = to;
            parallel.Tasks(parts, part =>
            {
                var offsets = counts.AsSpan(part * Buckets, Buckets);
                for (int i = PartStart(part, parts, total), end = PartStart(part + 1, parts, total); i < end; i++)
                {
                    ulong word = source[i];
                    target[offsets[(int)(word >> shift) & (Buckets - 1)]++] = word;
                }
            });

            (from, to) = (to, from);
        }

        if (!ReferenceEquals(from, packed))
        {
            packedBuffer = packed;
            packed = from;
        }
    }

    private ChunkedParallel Runner(SimulationState s) => runner ?? s.Parallel;

    private static int PartStart(int part, int parts, int total) => (int)((long)total * part / parts);

    /// <summary>Turns the parts' digit counts into their first target positions (bucket by bucket, then part by part).</summary>
    private void Offsets(int parts)
    {
        int sum = 0;
        for (int b = 0; b < Buckets; b++)
        {
            for (int c = 0; c < parts; c++)
            {
                int n = counts[(c * Buckets) + b];
                counts[(c * Buckets) + b] = sum;
                sum += n;
            }
        }
    }

    /// <summary>
    /// Orders every run of equal rank by the hashes and writes the positions into order. Each piece of the parallel pass
    /// takes the runs that start inside it (to their end, also past the piece), so pieces write disjoint ranges and
    /// the result does not depend on how the range is cut. Equal hashes within a run mean equal keys: then
    /// <see cref="equalKeys"/> is set.
    /// </summary>
    private void OrderRuns(SimulationState s, int total)
    {
        Runner(s).Items(total, (start, end) =>
        {
            var words = packed;
            int i = start;
            while (i > 0 && i < end && (words[i] >> RankShift) == (words[i - 1] >> RankShift))
            {
                i++;
            }

            while (i < end)
            {
                ulong rank = words[i] >> RankShift;
                int j = i + 1;
                while (j < total && (words[j] >> RankShift) == rank)
                {
                    j++;
                }

                if (j - i > 1 && !OrderByTies(words.AsSpan(i, j - i)))
                {
                    Volatile.Write(ref equalKeys, 1);
                }

                for (int k = i; k < j; k++)
                {
                    order[k] = (int)(uint)words[k];
                }

                i = j;
            }
        });
    }

    /// <summary>Sorts a run of equal rank by the applicants' hashes; false if two hashes are equal.</summary>
    private bool OrderByTies(Span<ulong> run)
    {
        if (run.Length > InsertionRun)
        {
            // Long runs of equal ability do not occur in practice; a plain sort keeps them correct.
            var runTies = new uint[run.Length];
            var words = run.ToArray();
            for (int k = 0; k < run.Length; k++)
            {
                runTies[k] = TieOf((int)(uint)words[k]);
            }

            Array.Sort(runTies, words);
            words.CopyTo(run);
            for (int k = 1; k < runTies.Length; k++)
            {
                if (runTies[k] == runTies[k - 1])
                {
                    return false;
                }
            }

            return true;
        }

        // Insertion sort of the run and its hashes together.
        Span<uint> hashes = stackalloc uint[InsertionRun];
        bool distinct = true;
        for (int k = 0; k < run.Length; k++)
        {
            ulong word = run[k];
            uint tie = TieOf((int)(uint)word);
            int m = k - 1;
            while (m >= 0 && hashes[m] > tie)
            {
                run[m + 1] = run[m];
                hashes[m + 1] = hashes[m];
                m--;
            }

            if (m >= 0 && hashes[m] == tie)
            {
                distinct = false;
            }

            run[m + 1] = word;
            hashes[m + 1] = tie;
        }

        return distinct;
    }

    /// <summary>The fallback when two keys are equal: Array.Sort of the full keys in applicant order.</summary>
    private void SortFullKeys(SimulationState s, List<int> slots, bool fundedFirst, int extra, int[] extraIds, float[] extraAbility, int extraPriority)
    {
        int total = slots.Count + extra;
        if (fallbackKeys.Length < total)
        {
            fallbackKeys = new ulong[total];
        }

        var st = s.Students;
        for (int k = 0; k < total; k++)
        {
            fallbackKeys[k] = k < slots.Count
                ? Key(s.Seed, st.Id[slots[k]], st.Ability[slots[k]], fundedFirst ? FundingPriority.Of(st.Funding[slots[k]]) : 0, s.Year)
                : Key(s.Seed, extraIds[k - slots.Count], extraAbility[k - slots.Count], extraPriority, s.Year);
            order[k] = k;
        }

        Array.Sort(fallbackKeys, order, 0, total);
    }

    private void Ensure(int total)
    {
        if (packed.Length >= total)
        {
            return;
        }

        int size = Math.Max(total, packed.Length * 3 / 2);
        packed = new ulong[size];
        packedBuffer = new ulong[size];
        order = new int[size];
    }
}
