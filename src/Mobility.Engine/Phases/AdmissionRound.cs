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
    // Admitted external candidates per piece of their parallel pass (about 12 thousand are admitted a year at scale 1,
    // less than one chunk).
    private const int CandidatePiece = 2048;

    // Applicants whose choice lists one thread copies and then walks at a time (786 KiB with 3 choices: within L2).
    private const int SerialBlock = 4 * ChunkedParallel.ChunkSize;

    private readonly SimulationState s;
    private readonly MeritOrder merit = new();
    // Credit admission's merit order, copy and walk run on one thread while the other walks the degree applicants.
    private readonly ChunkedParallel serial = new(1);
    private readonly MeritOrder creditMerit;
    private readonly ApplicationPool pool;
    private readonly PartialSums flows;
    private readonly double[] flowTotal;
    private int[] seatsLeft = [];
    private int[] exchange = [];
    private int[] placed = [];
    private int[] creditPlaced = [];
    private int[] admittedCandidate = [];
    private int[] admittedUniversity = [];
    private int admittedCount;
    private int[] ordered = [];
    private int[] creditOrdered = [];

    public AdmissionRound(SimulationState state, ApplicationPool pool)
    {
        s = state;
        this.pool = pool;
        creditMerit = new MeritOrder(serial);
        // Three origin x host blocks: all placements, the degree placements funded by a national scholarship, those on
        // a host quota.
        flows = new PartialSums(3 * state.CountryCount * state.CountryCount);
        flowTotal = new double[3 * state.CountryCount * state.CountryCount];
    }

    /// <summary>Seats left after admission (agents), for tests of the capacity law.</summary>
    public int[] SeatsLeft => seatsLeft;

    /// <remarks>
    /// Degree and credit applicants are different students (degree seekers start a level, credit seekers are in its
    /// first or second year) on separate seats, and the seat walks write nothing but their outcomes, so with more than
    /// one thread the credit order and walk run beside the degree walk; the students' state is written afterwards,
    /// degree first. With one thread the degree applicants' choice lists are copied and walked a block at a time, so
    /// that the walk reads them from cache.
    /// </remarks>
    public void Run()
    {
        var seekers = pool.DegreeSeekers;
        var creditSeekers = pool.CreditSeekers;
        int applicants = PrepareDegree();
        int block = s.Parallel.Threads == 1 ? SerialBlock : applicants;
        Ensure(seekers.Count, Math.Min(block, applicants), creditSeekers.Count);
        admittedCount = 0;
        if (s.Parallel.Threads == 1)
        {
            for (int from = 0; from < applicants; from += block)
            {
                int to = Math.Min(applicants, from + block);
                CopyDegreeChoices(from, to);
                Walk(merit.Sorted, from, to, seekers.Count, ordered, seatsLeft, placed);
            }

            AdmitCreditApplicants();
        }
        else
        {
            CopyDegreeChoices(0, applicants);
            s.Parallel.Tasks(2, task =>
            {
                if (task == 0)
                {
                    Walk(merit.Sorted, 0, applicants, seekers.Count, ordered, seatsLeft, placed);
                }
                else
                {
                    AdmitCreditApplicants();
                }
            });
        }

        Place(seekers, placed, StudentStatus.DegreeAbroad, s.Measure.DegreeFlows);
        AdmitCandidates();
        Place(creditSeekers, creditPlaced, StudentStatus.CreditAbroad, s.Measure.CreditFlows);
    }

    private void CopyDegreeChoices(int from, int to) =>
        CopyChoices(s.Parallel, merit.Sorted, from, to, pool.DegreeSeekers.Count, pool.DegreeChoices, pool.CandidateChoices, ordered, s.SeatSupply.Demand);

    /// <summary>
    /// Free degree seats, the continuing students' demand and the merit order of seekers and external candidates;
    /// returns the number of applicants.
    /// </summary>
    private int PrepareDegree()
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
        int applicants = seekers.Count + pool.CandidateCount;
        RecordContinuingDemand();
        merit.Sort(s, seekers, fundedFirst: true, pool.CandidateCount, pool.CandidateId, pool.CandidateAbility, FundingPriority.Of(Funding.Self));
        return applicants;
    }

    /// <summary>Credit seekers' merit order, choice lists in that order and seat walk, on the calling thread alone.</summary>
    private void AdmitCreditApplicants()
    {
        var u = s.Universities;
        if (exchange.Length != u.Count)
        {
            exchange = new int[u.Count];
        }

        Array.Copy(u.ExchangeSeatsAgents, exchange, u.Count);
        var seekers = pool.CreditSeekers;
        creditMerit.Sort(s, seekers, fundedFirst: true);
        CopyChoices(serial, creditMerit.Sorted, 0, seekers.Count, seekers.Count, pool.CreditChoices, [], creditOrdered, null);
        Walk(creditMerit.Sorted, 0, seekers.Count, seekers.Count, creditOrdered, exchange, creditPlaced);
    }

    /// <summary>
    /// Demand for foreign degree seats per host (agents), which the supply rule reads next year: the foreign degree
    /// students who continue there (here), and every applicant (member seeker or external candidate) who listed a
    /// university of the host first (counted in <see cref="CopyChoices"/>).
    /// </summary>
    private void RecordContinuingDemand()
    {
        var demand = s.SeatSupply.Demand;
        var countryOf = s.Universities.Country;
        var continuing = pool.ContinuingForeign;
        for (int i = 0; i < continuing.Length; i++)
        {
            demand[countryOf[i]] += (long)continuing[i];
        }
    }

    /// <summary>
    /// Copies the choice lists of the applicants at merit ranks [<paramref name="from"/>, <paramref name="to"/>) into
    /// <paramref name="target"/> from its start, in merit order (positions below <paramref name="seekerCount"/> are seekers,
    /// the others external candidates), so that the sequential walk reads them in sequence instead of at random; with a
    /// <paramref name="demand"/>, adds every first choice to its host's demand (counts: exact in any order).
    /// </summary>
    private void CopyChoices(
        ChunkedParallel parallel, int[] order, int from, int to, int seekerCount, int[] seekerChoices, int[] candidateChoices, int[] target, long[]? demand)
    {
        int k = pool.K;
        var countryOf = s.Universities.Country;
        int countries = s.CountryCount;
        parallel.Items(to - from, (start, end) =>
        {
            Span<int> firsts = stackalloc int[countries];
            firsts.Clear();
            for (int j = start; j < end; j++)
            {
                int n = order[from + j];
                var source = n < seekerCount ? seekerChoices.AsSpan(n * k, k) : candidateChoices.AsSpan((n - seekerCount) * k, k);
                source.CopyTo(target.AsSpan(j * k, k));
                int first = source[0];
                if (first >= 0)
                {
                    firsts[countryOf[first]]++;
                }
            }

            if (demand is not null)
            {
                for (int h = 0; h < countries; h++)
                {
                    if (firsts[h] != 0)
                    {
                        Interlocked.Add(ref demand[h], firsts[h]);
                    }
                }
            }
        });
    }

    /// <summary>
    /// The sequential heart of admission: applicants in merit order each take their first listed university with a
    /// seat left, for merit ranks [<paramref name="from"/>, <paramref name="to"/>) whose choice lists
    /// <paramref name="choices"/> holds from its start. Positions below <paramref name="seekerCount"/> are seekers
    /// (outcome in <paramref name="outcome"/>), the others external candidates (admitted ones recorded in admission
    /// order).
    /// </summary>
    private void Walk(int[] order, int from, int to, int seekerCount, int[] choices, int[] seats, int[] outcome)
    {
        int k = pool.K;
        for (int j = from; j < to; j++)
        {
            int n = order[j];
            int university = FirstFreeSeat(choices.AsSpan((j - from) * k, k), seats);
            if (n < seekerCount)
            {
                outcome[n] = university;
            }
            else if (university >= 0)
            {
                admittedCandidate[admittedCount] = n - seekerCount;
                admittedUniversity[admittedCount++] = university;
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
        int pieces = Math.Max(1, (admitted + CandidatePiece - 1) / CandidatePiece);
        flows.Prepare(pieces);
        s.Parallel.Tasks(pieces, piece =>
        {
            var sums = flows.Slot(piece);
            for (int j = piece * CandidatePiece, end = Math.Min(admitted, j + CandidatePiece); j < end; j++)
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
        AddFlows(pieces, s.Measure.DegreeFlows);
    }

    /// <summary>
    /// Writes every seeker's outcome (outcome[n] = university, or -1: stays home, self-funded) in parallel and adds the
    /// placements to <paramref name="flowsOut"/>, and degree placements funded by a national scholarship to the
    /// measurement's national-scholarship flows (counts, so the chunked sums are exact).
    /// </summary>
    private void Place(List<int> seekers, int[] outcome, StudentStatus status, double[,] flowsOut)
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
                int university = outcome[n];
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

    private void Ensure(int seekers, int applicants, int creditSeekers)
    {
        placed = Grown(placed, seekers);
        creditPlaced = Grown(creditPlaced, creditSeekers);
        ordered = Grown(ordered, applicants * pool.K);
        creditOrdered = Grown(creditOrdered, creditSeekers * pool.K);
        if (admittedCandidate.Length < pool.CandidateCount)
        {
            int size = Math.Max(pool.CandidateCount, admittedCandidate.Length * 3 / 2);
            admittedCandidate = new int[size];
            admittedUniversity = new int[size];
        }
    }

    private static int[] Grown(int[] array, int size) => array.Length >= size ? array : new int[Math.Max(size, array.Length * 3 / 2)];
}
