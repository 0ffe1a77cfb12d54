namespace Mobility.Engine.Phases;

using System.Runtime.InteropServices;
using Mobility.Engine.Choice;
using Mobility.Engine.Core;
using Mobility.Engine.Random;
using Mobility.Model.Agents;

/// <summary>
/// Step 5: a home student in year 2 or 3 goes abroad for credit with probability
/// sigmoid(c0 + cRecognition*recognition + cGrant*grantAvailable + cAbility*(ability-0.5)), only to universities of
/// agreement partners; regional grants go to the best credit seekers, who then choose among member universities.
/// </summary>
internal sealed class CreditMobility
{
    private readonly SimulationState s;
    private readonly MeritOrder merit = new();
    private readonly ApplicationPool pool;

    public CreditMobility(SimulationState state, ApplicationPool pool)
    {
        s = state;
        this.pool = pool;
    }

    /// <summary>Grants and choices of this year's credit seekers, whom <see cref="MobilityDecisions"/> found in step 4.</summary>
    public void Run()
    {
        var st = s.Students;
        var tables = s.Tables;
        var seekers = pool.CreditSeekers;
        pool.PrepareCredit(seekers.Count);

        if (s.Policies.CreditGrantAgents.Any(x => x > 0))
        {
            var left = (int[])s.Policies.CreditGrantAgents.Clone();
            foreach (int k in merit.Sort(s, seekers, fundedFirst: false))
            {
                int i = seekers[k];
                if (left[st.Origin[i]] > 0)
                {
                    st.Funding[i] = Funding.RegionalGrant;
                    left[st.Origin[i]]--;
                }
            }
        }

        s.Parallel.For(seekers.Count, (_, start, end) => Choose(start, end));
    }

    /// <summary>
    /// Seekers start .. end - 1 in batches: id and table of each seeker gathered from the student columns first
    /// (independent loads of scattered slots), blocks 0 and 1 of their streams computed together, then the draws.
    /// </summary>
    private void Choose(int start, int end)
    {
        var st = s.Students;
        var seekers = CollectionsMarshal.AsSpan(pool.CreditSeekers);
        var tables = s.Tables;
        int k = pool.K;
        Span<int> ids = stackalloc int[PhiloxBatch.Size], types = stackalloc int[PhiloxBatch.Size];
        Span<bool> grant = stackalloc bool[PhiloxBatch.Size];
        Span<uint> a0 = stackalloc uint[PhiloxBatch.Size], a1 = stackalloc uint[PhiloxBatch.Size];
        Span<uint> a2 = stackalloc uint[PhiloxBatch.Size], a3 = stackalloc uint[PhiloxBatch.Size];
        Span<uint> b0 = stackalloc uint[PhiloxBatch.Size], b1 = stackalloc uint[PhiloxBatch.Size];
        Span<uint> b2 = stackalloc uint[PhiloxBatch.Size], b3 = stackalloc uint[PhiloxBatch.Size];
        for (int n0 = start; n0 < end; n0 += PhiloxBatch.Size)
        {
            int length = Math.Min(PhiloxBatch.Size, end - n0);
            for (int j = 0; j < length; j++)
            {
                int i = seekers[n0 + j];
                ids[j] = st.Id[i];
                grant[j] = st.Funding[i] == Funding.RegionalGrant;
                types[j] = tables.TypeIndex(st.Origin[i], tables.Band(st.Resources[i]), (st.Flags[i] & StudentPopulation.FlagEnglish) != 0);
            }

            PhiloxBatch.Blocks(s.Seed, s.Year, Purpose.CreditChoices, 0, ids[..length], a0, a1, a2, a3);
            PhiloxBatch.Blocks(s.Seed, s.Year, Purpose.CreditChoices, 1, ids[..length], b0, b1, b2, b3);
            for (int j = 0; j < length; j++)
            {
                int n = n0 + j;
                int type = types[j];
                var table = grant[j] && tables.CreditGrant[type].Count > 0 ? tables.CreditGrant[type] : tables.CreditSelf[type];
                var rng = new BatchedStream(s.Seed, (uint)ids[j], s.Year, Purpose.CreditChoices, 0, a0[j], a1[j], a2[j], a3[j], b0[j], b1[j], b2[j], b3[j]);
                RankedChoice.Draw(table, ref rng, pool.CreditChoices.AsSpan(n * k, k));
            }
        }
    }
}
