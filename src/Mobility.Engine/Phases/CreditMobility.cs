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
    private readonly ChunkLists found = new();
    private readonly double[] originLogit;

    public CreditMobility(SimulationState state, ApplicationPool pool)
    {
        s = state;
        originLogit = new double[state.CountryCount];
        this.pool = pool;
    }

    public void Run()
    {
        var st = s.Students;
        var c = s.Settings.CreditMobility;
        var tables = s.Tables;
        var grant = s.Policies.CreditGrantAvailability;

        // The origin's part of the logit, in the same order of additions as the full expression (same bits).
        for (int o = 0; o < s.CountryCount; o++)
        {
            originLogit[o] = c.C0 + (c.CRecognition * tables.CreditRecognition[o]) + (c.CGrant * grant[o]);
        }

        int chunks = ChunkedParallel.ChunkCount(st.Count);
        found.Prepare(chunks);
        s.Parallel.For(st.Count, (chunk, start, end) =>
        {
            var list = found.Of(chunk);
            Span<uint> r0 = stackalloc uint[PhiloxBatch.Size], r1 = stackalloc uint[PhiloxBatch.Size];
            Span<uint> r2 = stackalloc uint[PhiloxBatch.Size], r3 = stackalloc uint[PhiloxBatch.Size];
            for (int i = start; i < end; i++)
            {
                int b = (i - start) % PhiloxBatch.Size;
                if (b == 0)
                {
                    PhiloxBatch.FirstBlocks(s.Seed, s.Year, Purpose.CreditDecision, st.Id.AsSpan(i, Math.Min(PhiloxBatch.Size, end - i)), r0, r1, r2, r3);
                }

                byte year = st.YearInProgramme[i];
                if (st.Status[i] != StudentStatus.AtHome || year < 1 || year > 2 || !s.IsMember[st.Origin[i]])
                {
                    continue;
                }

                int o = st.Origin[i];
                double x = originLogit[o] + (c.CAbility * (st.Ability[i] - 0.5));
                var rng = new RandomStream(s.Seed, (uint)st.Id[i], s.Year, Purpose.CreditDecision, r0[b], r1[b], r2[b], r3[b]);
                if (rng.NextDouble() < Logistic.Sigmoid(x))
                {
                    list.Add(i);
                }
            }
        });
        var seekers = pool.CreditSeekers;
        found.Concatenate(chunks, seekers);
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
            for (int n = start; n < end; n++)
            {
                int i = seekers[n];
                bool english = (st.Flags[i] & StudentPopulation.FlagEnglish) != 0;
                int type = tables.TypeIndex(st.Origin[i], tables.Band(st.Resources[i]), english);
                var table = st.Funding[i] == Funding.RegionalGrant && tables.CreditGrant[type].Count > 0
                    ? tables.CreditGrant[type]
                    : tables.CreditSelf[type];
                var rng = new RandomStream(s.Seed, (uint)st.Id[i], s.Year, Purpose.CreditChoices);
                RankedChoice.Draw(table, ref rng, pool.CreditChoices.AsSpan(n * kMax, kMax));
            }
        });
    }
}
