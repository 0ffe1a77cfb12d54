namespace Mobility.Engine.Phases;

using System.Runtime.InteropServices;
using Mobility.Engine.Choice;
using Mobility.Engine.Random;
using Mobility.Engine.State;
using Mobility.Model.Agents;

/// <summary>
/// Step 5: a home student in year 2 or 3 goes abroad for credit with probability
/// sigmoid(c0 + cRecognition*recognition + cGrant*grantAvailable + cAbility*(ability-0.5)), only to universities of
/// agreement partners; regional grants go to the best credit seekers, who then choose among member universities.
/// </summary>
internal sealed class CreditMobility
{
    private readonly SimulationState s;
    private readonly ChoiceTables tables;
    private readonly MeritOrder merit = new();
    private readonly ApplicationPool pool;

    public CreditMobility(SimulationState state, ChoiceTables tables, ApplicationPool pool)
    {
        s = state;
        this.tables = tables;
        this.pool = pool;
    }

    /// <summary>Grants and choices of this year's credit seekers, whom <see cref="MobilityDecisions"/> found in step 4.</summary>
    public void Run()
    {
        var st = s.Students;
        var tables = this.tables;
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

        s.Parallel.Items(seekers.Count, Choose);
    }

    /// <summary>Seekers start .. end - 1, a <see cref="SeekerBatch"/> at a time.</summary>
    private void Choose(int start, int end)
    {
        var seekers = CollectionsMarshal.AsSpan(pool.CreditSeekers);
        var tables = this.tables;
        int k = pool.K;
        var batch = default(SeekerBatch);
        for (int n0 = start; n0 < end; n0 += PhiloxBatch.Size)
        {
            batch.Gather(s.Students, tables, seekers.Slice(n0, Math.Min(PhiloxBatch.Size, end - n0)), s.Seed, s.Year, Purpose.CreditChoices);
            for (int j = 0; j < batch.Length; j++)
            {
                int n = n0 + j;
                int type = batch.Type(j);
                var table = batch.FundingOf(j) == Funding.RegionalGrant && tables.CreditGrant[type].Count > 0 ? tables.CreditGrant[type] : tables.CreditSelf[type];
                var rng = batch.Stream(j);
                RankedChoice.Draw(table, ref rng, pool.CreditChoices.AsSpan(n * k, k));
            }
        }
    }
}
