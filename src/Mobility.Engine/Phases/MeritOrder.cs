namespace Mobility.Engine.Phases;

using Mobility.Engine.Core;
using Mobility.Engine.Random;

/// <summary>
/// Orders applicants best ability first, ties broken by a hash of seed and agent id, so the order never depends
/// on thread count or scheduling. Admission puts funded applicants before all self-funded ones.
/// </summary>
internal static class MeritOrder
{
    public static ulong Key(ulong seed, int id, float ability, int priority, int year)
    {
        ulong rank = (ulong)((1.0 - Math.Clamp(ability, 0f, 1f)) * 0x3FFF_FFFF);
        uint tie = RandomStream.Hash(seed, (uint)id, year, Purpose.TieBreak);
        return ((ulong)(priority & 1) << 62) | (rank << 32) | tie;
    }

    /// <summary>
    /// Positions into <paramref name="slots"/> (then 0..<paramref name="extra"/>-1 offset by the slot count, for
    /// applicants who are not agents yet, keyed by <paramref name="extraKey"/>), sorted by merit.
    /// </summary>
    public static int[] Sort(SimulationState s, List<int> slots, bool fundedFirst, int extra = 0, Func<int, ulong>? extraKey = null)
    {
        int total = slots.Count + extra;
        var keys = new ulong[total];
        var order = new int[total];
        var st = s.Students;
        for (int k = 0; k < slots.Count; k++)
        {
            int i = slots[k];
            int priority = fundedFirst ? FundingPriority.Of(st.Funding[i]) : 0;
            keys[k] = Key(s.Seed, st.Id[i], st.Ability[i], priority, s.Year);
            order[k] = k;
        }

        for (int c = 0; c < extra; c++)
        {
            keys[slots.Count + c] = extraKey!(c);
            order[slots.Count + c] = slots.Count + c;
        }

        Array.Sort(keys, order);
        return order;
    }
}
