namespace Mobility.Engine.Phases;

using Mobility.Engine.Core;
using Mobility.Model.Agents;

/// <summary>
/// Step 6: universities fill their free foreign seats. Applicants are taken funded first, then best ability first
/// (ties by a hash of seed and id); each takes its best listed university that still has a seat, and one refused
/// everywhere stays home. With one common ranking of applicants this equals deferred acceptance. Degree and credit
/// applicants draw on separate seats (degree places and exchange places).
/// </summary>
internal sealed class AdmissionRound
{
    private readonly SimulationState s;
    private readonly ApplicationPool pool;
    private int[] seatsLeft = [];

    public AdmissionRound(SimulationState state, ApplicationPool pool)
    {
        s = state;
        this.pool = pool;
    }

    /// <summary>Seats left after admission (agents), for tests of the capacity law.</summary>
    public int[] SeatsLeft => seatsLeft;

    public void Run()
    {
        AdmitDegree();
        AdmitCredit();
    }

    private void AdmitDegree()
    {
        var u = s.Universities;
        var st = s.Students;
        seatsLeft = new int[u.Count];
        for (int i = 0; i < u.Count; i++)
        {
            seatsLeft[i] = Math.Max(0, u.ForeignSeatsAgents[i] - (int)pool.ContinuingForeign[i]);
        }

        var seekers = pool.DegreeSeekers;
        int total = seekers.Count + pool.CandidateCount;
        var keys = new ulong[total];
        var order = new int[total];
        for (int n = 0; n < seekers.Count; n++)
        {
            int i = seekers[n];
            keys[n] = MeritOrder.Key(s.Seed, st.Id[i], st.Ability[i], FundingPriority.Of(st.Funding[i]), s.Year);
            order[n] = n;
        }

        for (int c = 0; c < pool.CandidateCount; c++)
        {
            int n = seekers.Count + c;
            keys[n] = MeritOrder.Key(s.Seed, pool.CandidateId[c], pool.CandidateAbility[c], 1, s.Year);
            order[n] = n;
        }

        Array.Sort(keys, order);
        int k = pool.K;
        foreach (int n in order)
        {
            bool candidate = n >= seekers.Count;
            var choices = candidate
                ? pool.CandidateChoices.AsSpan((n - seekers.Count) * k, k)
                : pool.DegreeChoices.AsSpan(n * k, k);
            int admitted = -1;
            foreach (int choice in choices)
            {
                if (choice >= 0 && seatsLeft[choice] > 0)
                {
                    admitted = choice;
                    seatsLeft[choice]--;
                    break;
                }
            }

            if (candidate)
            {
                if (admitted >= 0)
                {
                    AdmitCandidate(n - seekers.Count, admitted);
                }

                continue;
            }

            int slot = seekers[n];
            if (admitted < 0)
            {
                st.Funding[slot] = Funding.Self;
                st.Obligation[slot] = 0;
                continue;
            }

            int h = u.Country[admitted];
            st.Status[slot] = StudentStatus.DegreeAbroad;
            st.Host[slot] = (short)admitted;
            st.AbroadCountry[slot] = (byte)h;
            st.Attitude[slot] = StartingAttitude(st.Origin[slot], h);
            s.Measure.DegreeFlows[st.Origin[slot], h] += 1;
        }
    }

    private void AdmitCandidate(int c, int university)
    {
        var st = s.Students;
        int o = pool.CandidateOrigin[c];
        int h = s.Universities.Country[university];
        int i = st.Count;
        st.EnsureCapacity(i + 1);
        st.Count = i + 1;
        Entry.Initialise(st, i, pool.CandidateId[c], (byte)o, (short)s.AggregateUniversity[o], (short)university,
            pool.CandidateLevel[c], pool.CandidateAbility[c], pool.CandidateResources[c], pool.CandidateEnglish[c]);
        st.Status[i] = StudentStatus.DegreeAbroad;
        st.AbroadCountry[i] = (byte)h;
        st.Attitude[i] = StartingAttitude(o, h);
        s.AgentsEntered++;
        s.Measure.DegreeFlows[o, h] += 1;
    }

    /// <summary>A stay starts from the image the host has at home, or from neutral when so configured.</summary>
    private float StartingAttitude(int origin, int host) =>
        s.Settings.Image.AttitudeStartsAtImage ? (float)s.Image[origin, host] : 0.5f;

    private void AdmitCredit()
    {
        var u = s.Universities;
        var st = s.Students;
        var exchange = new int[u.Count];
        Array.Copy(u.ExchangeSeatsAgents, exchange, u.Count);
        var seekers = pool.CreditSeekers;
        var keys = new ulong[seekers.Count];
        var order = new int[seekers.Count];
        for (int n = 0; n < seekers.Count; n++)
        {
            int i = seekers[n];
            keys[n] = MeritOrder.Key(s.Seed, st.Id[i], st.Ability[i], FundingPriority.Of(st.Funding[i]), s.Year);
            order[n] = n;
        }

        Array.Sort(keys, order);
        int k = pool.K;
        foreach (int n in order)
        {
            int slot = seekers[n];
            int admitted = -1;
            foreach (int choice in pool.CreditChoices.AsSpan(n * k, k))
            {
                if (choice >= 0 && exchange[choice] > 0)
                {
                    admitted = choice;
                    exchange[choice]--;
                    break;
                }
            }

            if (admitted < 0)
            {
                st.Funding[slot] = Funding.Self;
                continue;
            }

            int h = u.Country[admitted];
            st.Status[slot] = StudentStatus.CreditAbroad;
            st.Host[slot] = (short)admitted;
            st.AbroadCountry[slot] = (byte)h;
            st.Attitude[slot] = StartingAttitude(st.Origin[slot], h);
            s.Measure.CreditFlows[st.Origin[slot], h] += 1;
        }
    }
}
