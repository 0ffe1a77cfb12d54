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
    private readonly MeritOrder merit = new();
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
        var order = merit.Sort(s, seekers, fundedFirst: true, pool.CandidateCount, c =>
            MeritOrder.Key(s.Seed, pool.CandidateId[c], pool.CandidateAbility[c], FundingPriority.Of(Funding.Self), s.Year));
        int k = pool.K;
        foreach (int n in order)
        {
            bool candidate = n >= seekers.Count;
            var choices = candidate
                ? pool.CandidateChoices.AsSpan((n - seekers.Count) * k, k)
                : pool.DegreeChoices.AsSpan(n * k, k);
            int admitted = FirstFreeSeat(choices, seatsLeft);

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

            PlaceAbroad(slot, admitted, StudentStatus.DegreeAbroad, s.Measure.DegreeFlows);
        }
    }

    /// <summary>Takes a seat at the first listed university that has one left, or returns -1.</summary>
    private static int FirstFreeSeat(ReadOnlySpan<int> choices, int[] seats)
    {
        foreach (int choice in choices)
        {
            if (choice >= 0 && seats[choice] > 0)
            {
                seats[choice]--;
                return choice;
            }
        }

        return -1;
    }

    private void PlaceAbroad(int slot, int university, StudentStatus status, double[,] flows)
    {
        var st = s.Students;
        int o = st.Origin[slot];
        int h = s.Universities.Country[university];
        st.Status[slot] = status;
        st.Host[slot] = (short)university;
        st.AbroadCountry[slot] = (byte)h;
        st.Attitude[slot] = StartingAttitude(o, h);
        flows[o, h] += 1;
    }

    private void AdmitCandidate(int c, int university)
    {
        var st = s.Students;
        int o = pool.CandidateOrigin[c];
        int i = st.Count;
        st.EnsureCapacity(i + 1);
        st.Count = i + 1;
        Entry.Initialise(st, i, pool.CandidateId[c], (byte)o, (short)s.AggregateUniversity[o], (short)university,
            pool.CandidateLevel[c], pool.CandidateAbility[c], pool.CandidateResources[c], pool.CandidateEnglish[c]);
        s.AgentsEntered++;
        PlaceAbroad(i, university, StudentStatus.DegreeAbroad, s.Measure.DegreeFlows);
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
        int k = pool.K;
        foreach (int n in merit.Sort(s, seekers, fundedFirst: true))
        {
            int slot = seekers[n];
            int admitted = FirstFreeSeat(pool.CreditChoices.AsSpan(n * k, k), exchange);
            if (admitted < 0)
            {
                st.Funding[slot] = Funding.Self;
                continue;
            }

            PlaceAbroad(slot, admitted, StudentStatus.CreditAbroad, s.Measure.CreditFlows);
        }
    }
}
