namespace Mobility.Engine.Choice;

using System.Runtime.CompilerServices;
using Mobility.Engine.Random;

/// <summary>
/// Draws up to K distinct universities from a logit table in order of preference (the exploded, or rank-ordered,
/// logit): repeated draws are discarded. For external candidates, drawing the outside option ends the list.
/// </summary>
internal static class RankedChoice
{
    // Millions of calls a run, but the first years' would run unoptimised (calling Sample and NextDouble instead of
    // inlining them) until tiered compilation catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Draw(AliasTable table, ref BatchedStream rng, Span<int> choices)
    {
        choices.Fill(-1);
        if (table.Count == 0)
        {
            return 0;
        }

        int k = Math.Min(choices.Length, table.Count);
        int n = 0;
        int tries = 8 * choices.Length;
        while (n < k && tries-- > 0)
        {
            int u = table.Sample(rng.NextDouble());
            if (u == ChoiceTables.OutsideOption)
            {
                break;
            }

            // Written in place whether or not it repeats a listed one (a repeat is overwritten by the next draw or
            // cleared below): whether a draw repeats is unpredictable, so no branch on it.
            bool listed = Listed(choices, n, u);
            choices[n] = u;
            n += listed ? 0 : 1;
        }

        if (n < choices.Length)
        {
            choices[n] = -1;
        }

        return n;
    }

    // A plain loop without early exit: K is a handful, where a call to the vectorised Span.Contains costs more than
    // the comparisons.
    private static bool Listed(Span<int> choices, int n, int item)
    {
        bool listed = false;
        for (int j = 0; j < n; j++)
        {
            listed |= choices[j] == item;
        }

        return listed;
    }
}
