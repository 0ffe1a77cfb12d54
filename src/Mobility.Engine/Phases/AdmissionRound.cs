namespace Mobility.Engine.Phases;

using Mobility.Engine.Core;
using Mobility.Model.Agents;

/// <summary>
/// Step 6: universities fill their free foreign seats. Applicants are taken funded first, then best ability first
/// (ties by a hash of seed and id); each takes its best listed university that still has a seat, and one refused
/// everywhere stays home. With one common ranking of applicants this equals deferred acceptance. Degree and credit
/// applicants draw on separate seats (degree places and exchange places).
/// </summary>
/// <remarks>
/// Only the seat assignment is sequential (it is what the merit order decides); it touches nothing but the choice
/// lists and the seat counts. The admitted students' state is then written in parallel, and admitted external
/// candidates join the student arrays in the order they were admitted.
/// </remarks>
internal sealed class AdmissionRound
{
    private readonly SimulationState s;
    private readonly MeritOrder merit = new();
    private readonly ApplicationPool pool;
    private readonly PartialSums flows;
    private readonly double[] flowTotal;
    private int[] seatsLeft = [];
    private int[] exchange = [];
    private int[] placed = [];
    private readonly List<(int Candidate, int University)> admittedCandidates = [];

    public AdmissionRound(SimulationState state, ApplicationPool pool)
    {
        s = state;
        this.pool = pool;
        // Two origin x host blocks: all placements, then the degree placements funded by a national scholarship.
        flows = new PartialSums(2 * state.CountryCount * state.CountryCount);
        flowTotal = new double[2 * state.CountryCount * state.CountryCount];
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
        if (seatsLeft.Length != u.Count)
        {
            seatsLeft = new int[u.Count];
        }

        for (int i = 0; i < u.Count; i++)
        {
            seatsLeft[i] = Math.Max(0, u.ForeignSeatsAgents[i] - (int)pool.ContinuingForeign[i]);
        }

        var seekers = pool.DegreeSeekers;
        int count = seekers.Count;
        var order = merit.Sort(s, seekers, fundedFirst: true, pool.CandidateCount, c =>
            MeritOrder.Key(s.Seed, pool.CandidateId[c], pool.CandidateAbility[c], FundingPriority.Of(Funding.Self), s.Year));
        Ensure(count);
        admittedCandidates.Clear();
        int k = pool.K;
        foreach (int n in order)
        {
            if (n >= count)
            {
                int c = n - count;
                int university = FirstFreeSeat(pool.CandidateChoices.AsSpan(c * k, k), seatsLeft);
                if (university >= 0)
                {
                    admittedCandidates.Add((c, university));
                }

                continue;
            }

            placed[n] = FirstFreeSeat(pool.DegreeChoices.AsSpan(n * k, k), seatsLeft);
        }

        Place(seekers, StudentStatus.DegreeAbroad, s.Measure.DegreeFlows);
        foreach (var (c, university) in admittedCandidates)
        {
            AdmitCandidate(c, university);
        }
    }

    private void AdmitCredit()
    {
        var u = s.Universities;
        if (exchange.Length != u.Count)
        {
            exchange = new int[u.Count];
        }

        Array.Copy(u.ExchangeSeatsAgents, exchange, u.Count);
        var seekers = pool.CreditSeekers;
        Ensure(seekers.Count);
        int k = pool.K;
        foreach (int n in merit.Sort(s, seekers, fundedFirst: true))
        {
            placed[n] = FirstFreeSeat(pool.CreditChoices.AsSpan(n * k, k), exchange);
        }

        Place(seekers, StudentStatus.CreditAbroad, s.Measure.CreditFlows);
    }

    /// <summary>
    /// Writes every seeker's outcome (placed[n] = university, or -1: stays home, self-funded) in parallel and adds the
    /// placements to <paramref name="flowsOut"/>, and degree placements funded by a national scholarship to the
    /// measurement's national-scholarship flows (counts, so the chunked sums are exact).
    /// </summary>
    private void Place(List<int> seekers, StudentStatus status, double[,] flowsOut)
    {
        var st = s.Students;
        var countryOf = s.Universities.Country;
        int c = s.CountryCount;
        bool degree = status == StudentStatus.DegreeAbroad;
        int chunks = ChunkedParallel.ChunkCount(seekers.Count);
        flows.Prepare(chunks);
        s.Parallel.For(seekers.Count, (chunk, start, end) =>
        {
            var sums = flows.Slot(chunk);
            for (int n = start; n < end; n++)
            {
                int slot = seekers[n];
                int university = placed[n];
                if (university < 0)
                {
                    st.Funding[slot] = Funding.Self;
                    if (degree)
                    {
                        st.Obligation[slot] = 0;
                    }

                    continue;
                }

                int o = st.Origin[slot];
                int h = countryOf[university];
                SetAbroad(st, slot, university, h, status);
                sums[(o * c) + h] += 1;
                if (degree && st.Funding[slot] == Funding.NationalScholarship)
                {
                    sums[(c * c) + (o * c) + h] += 1;
                }
            }
        });
        flows.Reduce(chunks, flowTotal);
        var scholarshipFlows = s.Measure.NationalScholarshipFlows;
        for (int o = 0; o < c; o++)
        {
            for (int h = 0; h < c; h++)
            {
                flowsOut[o, h] += flowTotal[(o * c) + h];
                scholarshipFlows[o, h] += flowTotal[(c * c) + (o * c) + h];
            }
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

    private void SetAbroad(StudentPopulation st, int slot, int university, int h, StudentStatus status)
    {
        st.Status[slot] = status;
        st.Host[slot] = (short)university;
        st.AbroadCountry[slot] = (byte)h;
        st.Attitude[slot] = StartingAttitude(st.Origin[slot], h);
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
        s.AgentsEntered++;
        SetAbroad(st, i, university, h, StudentStatus.DegreeAbroad);
        s.Measure.DegreeFlows[o, h] += 1;
    }

    /// <summary>A stay starts from the image the host has at home, or from neutral when so configured.</summary>
    private float StartingAttitude(int origin, int host) =>
        s.Settings.Image.AttitudeStartsAtImage ? (float)s.Image[origin, host] : 0.5f;

    private void Ensure(int count)
    {
        if (placed.Length < count)
        {
            placed = new int[Math.Max(count, placed.Length * 3 / 2)];
        }
    }
}
