namespace Mobility.Engine.Phases;

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

        int kMax = pool.K;
        s.Parallel.For(seekers.Count, (_, start, end) =>
        {
            Span<int> ids = stackalloc int[PhiloxBatch.Size];
            Span<uint> r0 = stackalloc uint[PhiloxBatch.Size], r1 = stackalloc uint[PhiloxBatch.Size];
            Span<uint> r2 = stackalloc uint[PhiloxBatch.Size], r3 = stackalloc uint[PhiloxBatch.Size];
            for (int n = start; n < end; n++)
            {
                int b = (n - start) % PhiloxBatch.Size;
                if (b == 0)
                {
                    int length = Math.Min(PhiloxBatch.Size, end - n);
                    for (int j = 0; j < length; j++)
                    {
                        ids[j] = st.Id[seekers[n + j]];
                    }

                    PhiloxBatch.FirstBlocks(s.Seed, s.Year, Purpose.CreditChoices, ids[..length], r0, r1, r2, r3);
                }

                int i = seekers[n];
                bool english = (st.Flags[i] & StudentPopulation.FlagEnglish) != 0;
                int type = tables.TypeIndex(st.Origin[i], tables.Band(st.Resources[i]), english);
                var table = st.Funding[i] == Funding.RegionalGrant && tables.CreditGrant[type].Count > 0
                    ? tables.CreditGrant[type]
                    : tables.CreditSelf[type];
                var rng = new RandomStream(s.Seed, (uint)st.Id[i], s.Year, Purpose.CreditChoices, r0[b], r1[b], r2[b], r3[b]);
                RankedChoice.Draw(table, ref rng, pool.CreditChoices.AsSpan(n * kMax, kMax));
            }
        });
    }
}
