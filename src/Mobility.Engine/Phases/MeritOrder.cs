namespace Mobility.Engine.Phases;

using Mobility.Engine.Core;
using Mobility.Engine.Random;

/// <summary>
/// Orders applicants best ability first, ties broken by a hash of seed and agent id, so the order never depends
/// on thread count or scheduling.
/// </summary>
internal static class MeritOrder
{
    public static ulong Key(ulong seed, int id, float ability, int priority, int year)
    {
        ulong rank = (ulong)((1.0 - Math.Clamp(ability, 0f, 1f)) * 0x3FFF_FFFF);
        uint tie = RandomStream.Hash(seed, (uint)id, year, Purpose.TieBreak);
        return ((ulong)(priority & 1) << 62) | (rank << 32) | tie;
    }

    /// <summary>Positions into <paramref name="slots"/>, sorted by merit.</summary>
    public static int[] Sort(SimulationState s, List<int> slots)
    {
        var keys = new ulong[slots.Count];
        var order = new int[slots.Count];
        var st = s.Students;
        for (int k = 0; k < slots.Count; k++)
        {
            int i = slots[k];
            keys[k] = Key(s.Seed, st.Id[i], st.Ability[i], 0, s.Year);
            order[k] = k;
        }

        Array.Sort(keys, order);
        return order;
    }
}
