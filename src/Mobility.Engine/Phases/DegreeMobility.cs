namespace Mobility.Engine.Phases;

using System.Runtime.InteropServices;
using Mobility.Engine.Agents;
using Mobility.Engine.Choice;
using Mobility.Engine.Numerics;
using Mobility.Engine.Random;
using Mobility.Engine.State;
using Mobility.Model.Agents;

/// <summary>
/// Step 4: students starting a level decide whether to seek a degree abroad; funding programmes award their places
/// to the best seekers; every seeker lists up to K ranked choices. Candidates from external countries (the pool
/// that considers the region) choose between member universities and the outside option.
/// </summary>
internal sealed class DegreeMobility
{
    private readonly SimulationState s;
    private readonly ChoiceTables tables;
    private readonly MeritOrder merit = new();
    private readonly ApplicationPool pool;
    private readonly MobilityDecisions decisions;
    private readonly int[] originStart = new int[257];
    private readonly int[] originNext = new int[256];
    private byte[] seekerOrigin = [];
    private int[] meritByOrigin = [];

    public DegreeMobility(SimulationState state, ChoiceTables tables, ApplicationPool pool, MobilityDecisions decisions)
    {
        s = state;
        this.tables = tables;
        this.pool = pool;
        this.decisions = decisions;
    }

    /// <remarks>Also makes step 5's credit decisions (<see cref="MobilityDecisions"/>); <see cref="CreditMobility"/> continues from them.</remarks>
    public void Run()
    {
        decisions.Run();
        pool.PrepareDegree(pool.DegreeSeekers.Count);
        Award();
        Choose();
        DrawCandidates();
    }

    /// <summary>Scholarships, then host quotas, then regional grants go to the best seekers who are eligible.</summary>
    private void Award()
    {
        var st = s.Students;
        var seekers = pool.DegreeSeekers;
        var p = s.Policies;
        if (p.Scholarships.Count == 0 && p.Quotas.Count == 0 && p.DegreeGrantAgents.All(x => x == 0))
        {
            return;
        }

        var order = merit.Sort(s, seekers, fundedFirst: false);
        var byOrigin = SortByOrigin(order);
        for (int prog = 0; prog < p.Scholarships.Count; prog++)
        {
            var programme = p.Scholarships[prog];
            int left = programme.AwardsAgents;
            foreach (int n in OfOrigin(byOrigin, programme.Country))
            {
                if (left <= 0)
                {
                    break;
                }

                int i = seekers[n];
                if (st.Funding[i] == Funding.Self && programme.Levels[(int)st.Level[i]])
                {
                    st.Funding[i] = Funding.NationalScholarship;
                    st.Obligation[i] = (byte)Math.Clamp(programme.ObligationYears, 0, 255);
                    pool.DegreeProgramme[n] = prog;
                    left--;
                }
            }
        }

        for (int q = 0; q < p.Quotas.Count; q++)
        {
            var quota = p.Quotas[q];
            int left = quota.SeatsAgents;
            foreach (int n in OfOrigin(byOrigin, quota.Origin))
            {
                if (left <= 0)
                {
                    break;
                }

                int i = seekers[n];
                if (st.Funding[i] == Funding.Self)
                {
                    st.Funding[i] = Funding.HostQuota;
                    pool.DegreeProgramme[n] = q;
                    left--;
                }
            }
        }

        var grantsLeft = (int[])p.DegreeGrantAgents.Clone();
        int grantsTotal = grantsLeft.Sum();
        for (int k = 0; k < order.Length && grantsTotal > 0; k++)
        {
            int i = seekers[order[k]];
            int o = seekerOrigin[order[k]];
            if (grantsLeft[o] > 0 && st.Funding[i] == Funding.Self)
            {
                st.Funding[i] = Funding.RegionalGrant;
                grantsLeft[o]--;
                grantsTotal--;
            }
        }
    }

    /// <summary>
    /// The merit order split by origin, each origin's seekers still in merit order (a stable counting sort), so that a
    /// programme for one origin walks that origin's seekers only: the same seekers in the same order as a walk of the
    /// whole order that skips the other origins.
    /// </summary>
    private int[] SortByOrigin(ReadOnlySpan<int> order)
    {
        var st = s.Students;
        var seekers = pool.DegreeSeekers;
        int m = seekers.Count;
        if (seekerOrigin.Length < m)
        {
            seekerOrigin = new byte[Math.Max(m, seekerOrigin.Length * 3 / 2)];
            meritByOrigin = new int[seekerOrigin.Length];
        }

        // The origins are gathered in parallel (a scattered read per seeker), then counted in one sequential pass.
        var origin = st.Origin;
        var seekerOrigins = seekerOrigin;
        s.Parallel.Items(m, (start, end) =>
        {
            for (int n = start; n < end; n++)
            {
                seekerOrigins[n] = origin[seekers[n]];
            }
        });
        Array.Clear(originStart);
        for (int n = 0; n < m; n++)
        {
            originStart[seekerOrigins[n] + 1]++;
        }

        for (int o = 0; o < 256; o++)
        {
            originStart[o + 1] += originStart[o];
        }

        Array.Copy(originStart, originNext, 256);
        foreach (int n in order)
        {
            meritByOrigin[originNext[seekerOrigin[n]]++] = n;
        }

        return meritByOrigin;
    }

    /// <summary>Positions of the seekers from <paramref name="origin"/>, best first (from <see cref="SortByOrigin"/>).</summary>
    private ReadOnlySpan<int> OfOrigin(int[] byOrigin, int origin) =>
        origin is >= 0 and < 256 ? byOrigin.AsSpan(originStart[origin], originStart[origin + 1] - originStart[origin]) : [];

    private void Choose() => s.Parallel.Items(pool.DegreeSeekers.Count, Choose);

    /// <summary>Seekers start .. end - 1, a <see cref="SeekerBatch"/> at a time.</summary>
    private void Choose(int start, int end)
    {
        var st = s.Students;
        var seekers = CollectionsMarshal.AsSpan(pool.DegreeSeekers);
        var tables = this.tables;
        int k = pool.K;
        var batch = default(SeekerBatch);
        for (int n0 = start; n0 < end; n0 += PhiloxBatch.Size)
        {
            batch.Gather(st, tables, seekers.Slice(n0, Math.Min(PhiloxBatch.Size, end - n0)), s.Seed, s.Year, Purpose.DegreeChoices);
            for (int j = 0; j < batch.Length; j++)
            {
                int n = n0 + j;
                int type = batch.Type(j);
                int e = type & 1;
                AliasTable table = batch.FundingOf(j) switch
                {
                    Funding.NationalScholarship => tables.Scholarship[(pool.DegreeProgramme[n] * 2) + e],
                    Funding.HostQuota => tables.Quota[(pool.DegreeProgramme[n] * 2) + e],
                    Funding.RegionalGrant => tables.DegreeGrant[type],
                    _ => tables.DegreeSelf[type],
                };
                if (table.Count == 0)
                {
                    int i = seekers[n];
                    table = tables.DegreeSelf[type];
                    st.Funding[i] = Funding.Self;
                    st.Obligation[i] = 0;
                }

                var rng = batch.Stream(j);
                RankedChoice.Draw(table, ref rng, pool.DegreeChoices.AsSpan(n * k, k));
            }
        }
    }

    private void DrawCandidates()
    {
        var entry = s.Settings.Entry;
        var tables = this.tables;
        int total = 0;
        var counts = new int[s.CountryCount];
        for (int o = 0; o < s.CountryCount; o++)
        {
            if (!s.IsMember[o] && s.Countries[o].InboundPool > 0)
            {
                counts[o] = RandomStream.StochasticRound(
                    s.Countries[o].InboundPool / s.Scale, s.Seed, NonAgentStreams.InboundPool(o), s.Year);
                total += counts[o];
            }
        }

        pool.PrepareCandidates(total);
        int firstId = s.NextAgentId;
        s.NextAgentId += total;
        double shares = entry.InboundLevels.Bachelor + entry.InboundLevels.Master + entry.InboundLevels.Phd;
        double bachelor = entry.InboundLevels.Bachelor / shares;
        double master = entry.InboundLevels.Master / shares;
        int n = 0;
        for (int o = 0; o < s.CountryCount; o++)
        {
            for (int c = 0; c < counts[o]; c++, n++)
            {
                pool.CandidateOrigin[n] = (byte)o;
            }
        }

        // Every candidate's draws come from its own stream, so the candidates are drawn in parallel.
        double englishLogit = EnglishSpeakers.Logit(entry.EnglishShare);
        double englishSlope = entry.EnglishSlope;
        s.Parallel.Items(total, (start, end) => DrawCandidates(firstId, englishLogit, englishSlope, bachelor, master, start, end));
    }

    /// <summary>
    /// Candidates start .. end - 1 in batches: blocks 0 (ability, resources, English, level) and 1 (the first choices)
    /// of their streams computed together, the English decisions by <see cref="Logistic.Decide"/>.
    /// </summary>
    private void DrawCandidates(int firstId, double englishLogit, double englishSlope, double bachelor, double master, int start, int end)
    {
        var tables = this.tables;
        int k = pool.K;
        Span<uint> a0 = stackalloc uint[PhiloxBatch.Size], a1 = stackalloc uint[PhiloxBatch.Size];
        Span<uint> a2 = stackalloc uint[PhiloxBatch.Size], a3 = stackalloc uint[PhiloxBatch.Size];
        Span<uint> b0 = stackalloc uint[PhiloxBatch.Size], b1 = stackalloc uint[PhiloxBatch.Size];
        Span<uint> b2 = stackalloc uint[PhiloxBatch.Size], b3 = stackalloc uint[PhiloxBatch.Size];
        Span<double> x = stackalloc double[PhiloxBatch.Size], u = stackalloc double[PhiloxBatch.Size];
        Span<bool> english = stackalloc bool[PhiloxBatch.Size];
        for (int c0 = start; c0 < end; c0 += PhiloxBatch.Size)
        {
            int n = Math.Min(PhiloxBatch.Size, end - c0);
            PhiloxBatch.Blocks(s.Seed, s.Year, Purpose.InboundCandidate, 0, firstId + c0, n, a0, a1, a2, a3);
            PhiloxBatch.Blocks(s.Seed, s.Year, Purpose.InboundCandidate, 1, firstId + c0, n, b0, b1, b2, b3);
            for (int j = 0; j < n; j++)
            {
                // The stream's first four draws, in order: ability, resources, English, level.
                float ability = (float)UniformDraw.Of(a0[j]);
                float resources = (float)UniformDraw.Of(a1[j]);
                pool.CandidateAbility[c0 + j] = ability;
                pool.CandidateResources[c0 + j] = resources;

                x[j] = EnglishSpeakers.LogitOf(englishLogit, englishSlope, ability, resources);
                u[j] = UniformDraw.Of(a2[j]);
            }

            Logistic.Decide(x[..n], u[..n], english);
            for (int j = 0; j < n; j++)
            {
                int c = c0 + j;
                int id = firstId + c;
                int o = pool.CandidateOrigin[c];
                double level = UniformDraw.Of(a3[j]);
                pool.CandidateId[c] = id;
                pool.CandidateEnglish[c] = english[j];
                pool.CandidateLevel[c] = level < bachelor ? StudyLevel.Bachelor : level < bachelor + master ? StudyLevel.Master : StudyLevel.Phd;
                var table = tables.Inbound[tables.TypeIndex(o, tables.Band(pool.CandidateResources[c]), english[j])];
                var rng = new BatchedStream(s.Seed, (uint)id, s.Year, Purpose.InboundCandidate, 1, b0[j], b1[j], b2[j], b3[j]);
                RankedChoice.Draw(table, ref rng, pool.CandidateChoices.AsSpan(c * k, k));
            }
        }
    }
}
