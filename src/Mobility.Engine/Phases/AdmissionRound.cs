namespace Mobility.Engine.Phases;

using Mobility.Engine.Numerics;
using Mobility.Engine.State;
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
    private int[] admittedCandidate = [];
    private int[] admittedUniversity = [];
    private int admittedCount;
    private int[] ordered = [];
    private int[] orderBlock = [];

    public AdmissionRound(SimulationState state, ApplicationPool pool)
    {
        s = state;
        this.pool = pool;
        // Three origin x host blocks: all placements, the degree placements funded by a national scholarship, those on
        // a host quota.
        flows = new PartialSums(3 * state.CountryCount * state.CountryCount);
        flowTotal = new double[3 * state.CountryCount * state.CountryCount];
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

        // A host that admits only a share of its usual new foreign intake (series foreign_entry_open) offers that share of its free seats.
        var open = s.WorldYear.EntryOpen;
        for (int i = 0; i < u.Count; i++)
        {
            int free = Math.Max(0, u.ForeignSeatsAgents[i] - (int)pool.ContinuingForeign[i]);
            seatsLeft[i] = open[u.Country[i]] >= 1 ? free : (int)Math.Floor(free * open[u.Country[i]]);
        }

        var seekers = pool.DegreeSeekers;
        int count = seekers.Count;
        RecordDemand(count);
        var order = merit.Sort(s, seekers, fundedFirst: true, pool.CandidateCount, pool.CandidateId, pool.CandidateAbility, FundingPriority.Of(Funding.Self));
        Ensure(count);
        admittedCount = 0;
        AssignSeats(order, count, seatsLeft, pool.DegreeChoices, pool.CandidateChoices);
        Place(seekers, StudentStatus.DegreeAbroad, s.Measure.DegreeFlows);
        AdmitCandidates();
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
        AssignSeats(merit.Sort(s, seekers, fundedFirst: true), seekers.Count, exchange, pool.CreditChoices, []);

        Place(seekers, StudentStatus.CreditAbroad, s.Measure.CreditFlows);
    }

    /// <summary>
    /// Demand for foreign degree seats per host (agents), which the supply rule reads next year: the foreign degree
    /// students who continue there, and every applicant (member seeker or external candidate) who listed a university
    /// of the host first.
    /// </summary>
    private void RecordDemand(int seekerCount)
    {
        var demand = s.SeatSupply.Demand;
        var countryOf = s.Universities.Country;
        var continuing = pool.ContinuingForeign;
        for (int i = 0; i < continuing.Length; i++)
        {
            demand[countryOf[i]] += (long)continuing[i];
        }

        int k = pool.K;
        for (int n = 0; n < seekerCount; n++)
        {
            int first = pool.DegreeChoices[n * k];
            if (first >= 0)
            {
                demand[countryOf[first]]++;
            }
        }

        for (int n = 0; n < pool.CandidateCount; n++)
        {
            int first = pool.CandidateChoices[n * k];
            if (first >= 0)
            {
                demand[countryOf[first]]++;
            }
        }
    }

    /// <summary>
    /// The sequential heart of admission: applicants in merit order each take their first listed university with a
    /// seat left. Positions below <paramref name="seekerCount"/> are seekers (outcome in placed[]), the others external
    /// candidates (admitted ones recorded in admission order). The choice lists are first copied into merit order in
    /// parallel, a block at a time, so that the sequential walk reads them in sequence instead of at random.
    /// </summary>
    private void AssignSeats(ReadOnlySpan<int> order, int seekerCount, int[] seats, int[] seekerChoices, int[] candidateChoices)
    {
        int k = pool.K;
        const int Block = 4 * ChunkedParallel.ChunkSize;
        if (ordered.Length < Block * k)
        {
            ordered = new int[Block * k];
            orderBlock = new int[Block];
        }

        for (int done = 0; done < order.Length; done += Block)
        {
            int length = Math.Min(Block, order.Length - done);
            order.Slice(done, length).CopyTo(orderBlock);
            s.Parallel.For(length, (_, start, end) =>
            {
                for (int j = start; j < end; j++)
                {
                    int n = orderBlock[j];
                    var source = n < seekerCount ? seekerChoices.AsSpan(n * k, k) : candidateChoices.AsSpan((n - seekerCount) * k, k);
                    source.CopyTo(ordered.AsSpan(j * k, k));
                }
            });
            for (int j = 0; j < length; j++)
            {
                int n = orderBlock[j];
                int university = FirstFreeSeat(ordered.AsSpan(j * k, k), seats);
                if (n < seekerCount)
                {
                    placed[n] = university;
                }
                else if (university >= 0)
                {
                    admittedCandidate[admittedCount] = n - seekerCount;
                    admittedUniversity[admittedCount++] = university;
                }
            }
        }
    }

    /// <summary>
    /// Admitted external candidates become agents, appended to the student arrays in the order they were admitted;
    /// their slots are known beforehand, so they are written in parallel (the flows are counts: exact in any order).
    /// </summary>
    private void AdmitCandidates()
    {
        var st = s.Students;
        int first = st.Count;
        int admitted = admittedCount;
        st.EnsureCapacity(first + admitted);
        st.Count = first + admitted;
        s.AgentsEntered += admitted;
        var countryOf = s.Universities.Country;
        int c = s.CountryCount;
        int chunks = ChunkedParallel.ChunkCount(admitted);
        flows.Prepare(chunks);
        s.Parallel.For(admitted, (chunk, start, end) =>
        {
            var sums = flows.Slot(chunk);
            for (int j = start; j < end; j++)
            {
                int candidate = admittedCandidate[j];
                int university = admittedUniversity[j];
                int i = first + j;
                int o = pool.CandidateOrigin[candidate];
                int h = countryOf[university];
                Entry.Initialise(st, i, pool.CandidateId[candidate], (byte)o, (short)s.AggregateUniversity[o], (short)university,
                    pool.CandidateLevel[candidate], pool.CandidateAbility[candidate], pool.CandidateResources[candidate], pool.CandidateEnglish[candidate]);
                SetAbroad(st, i, university, h, StudentStatus.DegreeAbroad);
                sums[(o * c) + h] += 1;
            }
        });
        AddFlows(chunks, s.Measure.DegreeFlows);
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
                else if (degree && st.Funding[slot] == Funding.HostQuota)
                {
                    sums[(2 * c * c) + (o * c) + h] += 1;
                }
            }
        });
        AddFlows(chunks, flowsOut);
    }

    /// <summary>
    /// Adds the chunks' placement counts to <paramref name="flowsOut"/>, their national-scholarship block to the
    /// measurement's national-scholarship flows and their quota block to its quota flows (exact integer counts, so
    /// adding a zero block changes nothing).
    /// </summary>
    private void AddFlows(int chunks, double[,] flowsOut)
    {
        int c = s.CountryCount;
        flows.Reduce(chunks, flowTotal);
        var scholarshipFlows = s.Measure.NationalScholarshipFlows;
        var quotaFlows = s.Measure.QuotaFlows;
        for (int o = 0; o < c; o++)
        {
            for (int h = 0; h < c; h++)
            {
                flowsOut[o, h] += flowTotal[(o * c) + h];
                scholarshipFlows[o, h] += flowTotal[(c * c) + (o * c) + h];
                quotaFlows[o, h] += flowTotal[(2 * c * c) + (o * c) + h];
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

    /// <summary>A stay starts from the image the host has at home, or from neutral when so configured.</summary>
    private float StartingAttitude(int origin, int host) =>
        s.Settings.Image.AttitudeStartsAtImage ? (float)s.Image[origin, host] : 0.5f;

    private void Ensure(int count)
    {
        if (placed.Length < count)
        {
            placed = new int[Math.Max(count, placed.Length * 3 / 2)];
        }

        if (admittedCandidate.Length < pool.CandidateCount)
        {
            int size = Math.Max(pool.CandidateCount, admittedCandidate.Length * 3 / 2);
            admittedCandidate = new int[size];
            admittedUniversity = new int[size];
        }
    }
}
