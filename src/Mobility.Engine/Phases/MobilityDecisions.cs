namespace Mobility.Engine.Phases;

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Mobility.Engine.Choice;
using Mobility.Engine.Numerics;
using Mobility.Engine.Random;
using Mobility.Engine.State;
using Mobility.Model.Agents;

/// <summary>
/// The yes/no decisions of steps 4 and 5 in one pass over the students: who starts a level and seeks a degree
/// abroad (<see cref="ApplicationPool.DegreeSeekers"/>), who goes abroad for credit
/// (<see cref="ApplicationPool.CreditSeekers"/>), and how many degree students continue abroad per host
/// (<see cref="ApplicationPool.ContinuingForeign"/>). Run at the start of step 4.
/// </summary>
/// <remarks>
/// Why one pass gives the same results as step 4's pass followed, after the awards and choices, by step 5's: the
/// credit decision reads status, year in programme, origin, ability and id, and the year's policies and tables; step
/// 4 changes none of these (its awards and choices write funding, obligation, the new-level flag and the
/// application pool). Both lists stay in slot order, and every decision uses its own stream, whenever it is drawn.
/// Only the deciders' Philox blocks are computed (in batches), and the logistic comparisons go through
/// <see cref="Logistic.Decide"/>. Credit deciders and entrants whose word lies above every probability the year
/// allows them (<see cref="CreditWordBound"/>, <see cref="EntrantWordBound"/>) stay without a logit, as the
/// comparison would decide.
/// <para>
/// This year's entrants decide during step 3 (<see cref="Entry"/> calls <see cref="DecideEntrants"/> on each batch it
/// has just enrolled, while the batch's columns are in cache), and the pass of step 4 walks only the slots before
/// them. The same results: an entrant's decision reads its own columns, written by step 3 and not changed until step
/// 4's awards, and the year's tables, terms and policies, which step 3 does not change; it uses the same stream and
/// the same expression; entrants hold the last slots, so appending their seekers after the pass's keeps slot order;
/// and an entrant is at home in year 0 of its programme, so it is neither a credit decider nor counted abroad.
/// </para>
/// </remarks>
internal sealed class MobilityDecisions
{
    private const int Batch = PhiloxBatch.Size;
    private const int Levels = 3;

    private readonly SimulationState s;
    private readonly ChoiceTables tables;
    private readonly ApplicationPool pool;
    private readonly ChunkLists degreeFound = new();
    private readonly ChunkLists creditFound = new();
    private readonly ChunkLists entrantsFound = new();
    private readonly double[] networkTerm;
    private readonly double[] shift;
    private readonly double[] creditLogit;
    private readonly Action<int, int, int> decideChunk;
    private readonly int[] memberOrigin;
    private readonly double[] aidTerm;
    private int[][] continuing = [];
    private int firstEntrant = -1;
    private ulong creditWordBound;
    private readonly ulong[] entrantWordBound;
    private int entrantChunks;

    public MobilityDecisions(SimulationState state, ChoiceTables tables, ApplicationPool pool)
    {
        s = state;
        this.tables = tables;
        this.pool = pool;
        networkTerm = new double[state.CountryCount];
        shift = new double[state.CountryCount];
        creditLogit = new double[state.CountryCount];
        aidTerm = new double[state.CountryCount * Levels];
        entrantWordBound = new ulong[state.CountryCount];
        memberOrigin = new int[256];
        for (int o = 0; o < state.CountryCount; o++)
        {
            memberOrigin[o] = state.IsMember[o] ? 1 : 0;
        }
        pool.ContinuingForeign = new double[state.Universities.Count];
        decideChunk = DecideChunk;
    }

    /// <summary>
    /// Starts the year's decisions at step 3, before the entrants are enrolled: the year's terms, and the lists of the
    /// entrants' seekers, one per chunk of the entry pass (<paramref name="chunks"/> chunks from slot
    /// <paramref name="firstSlot"/>).
    /// </summary>
    public void BeginEntrants(int firstSlot, int chunks)
    {
        PrepareTerms();
        entrantsFound.Prepare(chunks);
        firstEntrant = firstSlot;
        entrantChunks = chunks;
    }

    /// <summary>
    /// Step 4's degree decisions of a batch of entrants that step 3 has just enrolled in slots
    /// <paramref name="first"/> .. (ids <paramref name="firstId"/> ..), all of origin <paramref name="origin"/> and
    /// starting a Bachelor, read from the batch's columns: the expression and the stream of <see cref="DecideDegree"/>.
    /// The seekers join chunk <paramref name="chunk"/>'s list of the entry pass. <paramref name="b"/>'s blocks, logits
    /// and uniforms are overwritten.
    /// </summary>
    public void DecideEntrants(
        int chunk, int first, int firstId, int origin, ReadOnlySpan<float> ability, ReadOnlySpan<float> resources,
        ReadOnlySpan<byte> flags, ReadOnlySpan<short> homes, Buffers b)
    {
        int n = ability.Length;
        var terms = new DegreeTerms(this);
        PhiloxBatch.FirstBlocks(s.Seed, s.Year, Purpose.DegreeDecision, firstId, n, b.R0, b.R1, b.R2, b.R3);
        var r0 = b.R0[..n];
        resources = resources[..n];
        flags = flags[..n];
        homes = homes[..n];

        // An entrant whose word is at or above its origin's bound draws a uniform above every probability its logit can
        // give (EntrantWordBound), so it stays, as the full comparison would decide: only the others, in slot order,
        // need the table look-ups and the logit. (The blocks' other words are not used: their buffers hold the lists.)
        var picked = MemoryMarshal.Cast<uint, int>(b.R2)[..n];
        ulong bound = entrantWordBound[origin];
        int m = 0;
        for (int j = 0; j < n; j++)
        {
            picked[m] = j;
            m += r0[j] < bound ? 1 : 0;
        }

        // The table look-ups one at a time (no gathers), then the arithmetic eight entrants at a time.
        Span<float> pickedAbility = stackalloc float[Batch];
        Span<float> pickedResources = stackalloc float[Batch];
        var slots = MemoryMarshal.Cast<uint, int>(b.R1)[..m];
        var x = b.X[..m];
        var u = b.U[..m];
        for (int k = 0; k < m; k++)
        {
            int j = picked[k];
            pickedAbility[k] = ability[j];
            pickedResources[k] = resources[j];
            x[k] = terms.QualityDifference(origin, resources[j], (flags[j] & StudentPopulation.FlagEnglish) != 0, homes[j]);
            u[k] = UniformDraw.Of(r0[j]);
            slots[k] = first + j;
        }

        int i = 0;
        if (Avx512F.IsSupported)
        {
            for (; i + 8 <= m; i += 8)
            {
                var a = Avx512F.ConvertToVector512Double(Vector256.Create(pickedAbility.Slice(i, 8)));
                var r = Avx512F.ConvertToVector512Double(Vector256.Create(pickedResources.Slice(i, 8)));
                terms.Logits(origin, a, r, Vector512.Create(x.Slice(i, 8)), (int)StudyLevel.Bachelor).CopyTo(x.Slice(i, 8));
            }
        }

        for (; i < m; i++)
        {
            x[i] = terms.Logit(origin, pickedAbility[i], pickedResources[i], x[i], (int)StudyLevel.Bachelor);
        }

        Take(slots, b, entrantsFound.Of(chunk));
    }

    /// <summary>The pass of step 4 over the students enrolled before this year's entrants (after <see cref="BeginEntrants"/>).</summary>
    public void Run()
    {
        if (firstEntrant < 0)
        {
            throw new InvalidOperationException("the year's decisions start at entry (BeginEntrants) before step 4's pass");
        }

        int count = firstEntrant;
        int chunks = ChunkedParallel.ChunkCount(count);
        degreeFound.Prepare(chunks);
        creditFound.Prepare(chunks);
        PrepareCounts(chunks);
        s.Parallel.For(count, decideChunk);
        degreeFound.Concatenate(chunks, pool.DegreeSeekers);
        entrantsFound.AppendTo(entrantChunks, pool.DegreeSeekers);
        creditFound.Concatenate(chunks, pool.CreditSeekers);
        firstEntrant = -1;

        // Counts, not sums of 1.0: the same (exact) values whatever the chunking.
        var total = pool.ContinuingForeign;
        for (int u = 0; u < total.Length; u++)
        {
            long n = 0;
            for (int c = 0; c < chunks; c++)
            {
                n += continuing[c][u];
            }

            total[u] = n;
        }
    }

    /// <summary>Terms that depend on the origin only, computed once a year instead of once per student.</summary>
    private void PrepareTerms()
    {
        var a = s.Settings.DegreeMobility;
        for (int o = 0; o < s.CountryCount; o++)
        {
            double abroad = 0;
            for (int h = 0; h < s.CountryCount; h++)
            {
                abroad += s.AlumniStudiedIn[o, h] + (h == o ? 0 : s.PreviousStocks[o, h]);
            }

            double alumniAbroadPer1000 = abroad * s.Scale / Math.Max(1, s.Countries[o].TertiaryEnrolment / 1000);
            networkTerm[o] = (a.ANetwork * Math.Log(1 + alumniAbroadPer1000))
                + (a.ADiaspora * s.Diaspora.AbroadTerm[o])
                + (a.AExitPermit * s.WorldYear.ExitPermit[o]);
            shift[o] = a.OriginShift.TryGetValue(s.Countries[o].Code, out var x) ? x : 0;
            for (int l = 0; l < Levels; l++)
            {
                aidTerm[(o * Levels) + l] = a.AAid * s.Policies.DegreeAidAvailability[o, l];
            }
        }

        // The origin's part of the credit logit, in the same order of additions as the full expression (same bits).
        var c = s.Settings.CreditMobility;
        var grant = s.Policies.CreditGrantAvailability;
        for (int o = 0; o < s.CountryCount; o++)
        {
            creditLogit[o] = c.C0 + (c.CRecognition * tables.CreditRecognition[o]) + (c.CGrant * grant[o])
                + (c.OriginShift.TryGetValue(s.Countries[o].Code, out double originShift) ? originShift : 0);
        }

        creditWordBound = CreditWordBound(creditLogit, s.IsMember, c.CAbility);
        var terms = new DegreeTerms(this);
        for (int o = 0; o < s.CountryCount; o++)
        {
            entrantWordBound[o] = EntrantWordBound(terms.LargestEntrantLogit(o));
        }
    }

    /// <summary>The year's word bound of origin <paramref name="o"/>'s entrants (<see cref="EntrantWordBound"/>), set at step 3.</summary>
    internal ulong EntrantBound(int o) => entrantWordBound[o];

    /// <summary>
    /// Step 4's logit of a Bachelor entrant of origin <paramref name="o"/> with these columns: the expression of
    /// <see cref="DecideEntrants"/>, for the tests of the bound.
    /// </summary>
    internal double EntrantLogit(int o, float ability, float resources, bool english, int home)
    {
        var terms = new DegreeTerms(this);
        return terms.Logit(o, ability, resources, terms.QualityDifference(o, resources, english, home), (int)StudyLevel.Bachelor);
    }

    /// <summary>
    /// A word bound for step 4's decisions of a year's entrants of one origin, from the largest logit any of them can
    /// have (<see cref="DegreeTerms.LargestEntrantLogit"/>): an entrant whose Philox word is at or above it does not go
    /// abroad, so <see cref="DecideEntrants"/> needs no logit for it. Without a largest logit (NaN) every word is below.
    /// </summary>
    internal static ulong EntrantWordBound(double largestLogit)
        => double.IsNaN(largestLogit) ? 1UL << 32 : WordsBelowWithMargin(Logistic.Sigmoid(largestLogit));

    /// <summary>
    /// The words whose uniforms lie below <paramref name="largest"/> plus a margin far above exp's rounding
    /// (<see cref="Logistic.DecisionMargin"/>): a word at or above it is above every probability up to
    /// <paramref name="largest"/>, as <see cref="Logistic.Decide"/> computes them.
    /// </summary>
    private static ulong WordsBelowWithMargin(double largest) => UniformDraw.WordsBelow(Math.Min(1.0, largest + Logistic.DecisionMargin));

    /// <summary>
    /// A word bound for step 5's decisions: a member student whose Philox word is at or above it does not go abroad
    /// for credit, whatever its ability, so <see cref="DecideCredit"/> needs no logit for it.
    /// </summary>
    /// <remarks>
    /// Every ability is a float uniform in [0, 1], and the logit's operations (a subtraction, a multiplication by the
    /// coefficient, an addition) are monotone in it, so the logit is largest at ability 1 (at 0 if the coefficient is
    /// negative). The largest probability of any member origin, plus a margin far above exp's rounding, bounds every
    /// student's, and the uniforms below a probability are exactly those of the words below
    /// <see cref="UniformDraw.WordsBelow"/> of it. A NaN logit, which no student takes, is passed over.
    /// </remarks>
    internal static ulong CreditWordBound(ReadOnlySpan<double> originLogit, ReadOnlySpan<bool> isMember, double cAbility)
    {
        double edge = cAbility >= 0 ? 1.0 : 0.0;
        double largest = 0;
        for (int o = 0; o < originLogit.Length; o++)
        {
            double p = Logistic.Sigmoid(originLogit[o] + (cAbility * (edge - 0.5)));
            if (isMember[o] && p > largest)
            {
                largest = p;
            }
        }

        return WordsBelowWithMargin(largest);
    }

    private void PrepareCounts(int chunks)
    {
        if (continuing.Length < chunks)
        {
            // A quarter more than needed, so that a growing population does not allocate every year.
            var grown = new int[chunks + (chunks / 4) + 4][];
            Array.Copy(continuing, grown, continuing.Length);
            for (int i = continuing.Length; i < grown.Length; i++)
            {
                grown[i] = new int[s.Universities.Count];
            }

            continuing = grown;
        }

        for (int c = 0; c < chunks; c++)
        {
            Array.Clear(continuing[c]);
        }
    }

    private void DecideChunk(int chunk, int start, int end)
    {
        var st = s.Students;
        var status = st.Status;
        var flags = st.Flags;
        var yearInProgramme = st.YearInProgramme;
        var origin = st.Origin;
        var host = st.Host;
        var memberOrigin = this.memberOrigin;
        var foreign = continuing[chunk];
        var degreeList = degreeFound.Of(chunk);
        var creditList = creditFound.Of(chunk);
        Span<int> degree = stackalloc int[Batch];
        Span<int> credit = stackalloc int[Batch];
        var buffers = new Buffers(
            stackalloc int[Batch], stackalloc uint[Batch], stackalloc uint[Batch], stackalloc uint[Batch], stackalloc uint[Batch],
            stackalloc double[Batch], stackalloc double[Batch], stackalloc bool[Batch]);
        int degreeCount = 0;
        int creditCount = 0;
        int i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            // 64 students at a time: the three kinds of student become bit masks, whose set bits are then visited in
            // slot order (the same lists, in the same order, as the scalar loop below).
            var abroadStatus = Vector512.Create((byte)StudentStatus.DegreeAbroad);
            var homeStatus = Vector512.Create((byte)StudentStatus.AtHome);
            var newLevelFlag = Vector512.Create(StudentPopulation.FlagNewLevel);
            var one = Vector512<byte>.One;
            ref byte statusBytes = ref Unsafe.As<StudentStatus, byte>(ref MemoryMarshal.GetArrayDataReference(status));
            ref byte flagBytes = ref MemoryMarshal.GetArrayDataReference(flags);
            ref byte yearBytes = ref MemoryMarshal.GetArrayDataReference(yearInProgramme);
            for (; i + Vector512<byte>.Count <= end; i += Vector512<byte>.Count)
            {
                var here = Vector512.LoadUnsafe(ref statusBytes, (nuint)i);
                var f = Vector512.LoadUnsafe(ref flagBytes, (nuint)i);
                var home = Vector512.Equals(here, homeStatus);
                var newLevel = home & Vector512.Equals(f & newLevelFlag, newLevelFlag);
                Vector512.AndNot(f, newLevel & newLevelFlag).StoreUnsafe(ref flagBytes, (nuint)i);

                // Year 1 or 2: year - 1 <= 1 as unsigned bytes (year 0 wraps to 255).
                var inYear = Vector512.LessThanOrEqual(Vector512.LoadUnsafe(ref yearBytes, (nuint)i) - one, one);
                ulong abroad = Vector512.Equals(here, abroadStatus).ExtractMostSignificantBits();
                ulong degreeBits = newLevel.ExtractMostSignificantBits();
                ulong creditBits = (home & inYear).ExtractMostSignificantBits();
                for (; abroad != 0; abroad &= abroad - 1)
                {
                    foreign[host[i + BitOperations.TrailingZeroCount(abroad)]]++;
                }

                for (; degreeBits != 0; degreeBits &= degreeBits - 1)
                {
                    degree[degreeCount++] = i + BitOperations.TrailingZeroCount(degreeBits);
                    if (degreeCount == Batch)
                    {
                        DecideDegree(degree, buffers, degreeList);
                        degreeCount = 0;
                    }
                }

                for (; creditBits != 0; creditBits &= creditBits - 1)
                {
                    int k = i + BitOperations.TrailingZeroCount(creditBits);
                    credit[creditCount] = k;
                    creditCount += memberOrigin[origin[k]];
                    if (creditCount == Batch)
                    {
                        DecideCredit(credit, buffers, creditList);
                        creditCount = 0;
                    }
                }
            }
        }

        // Branch-free appends: which students decide is data-dependent and would defeat branch prediction.
        for (; i < end; i++)
        {
            var here = status[i];
            if (here == StudentStatus.DegreeAbroad)
            {
                foreign[host[i]]++;
                continue;
            }

            int atHome = here == StudentStatus.AtHome ? 1 : 0;
            byte f = flags[i];
            int newLevel = (f & StudentPopulation.FlagNewLevel) != 0 ? atHome : 0;
            flags[i] = (byte)(f & ~(newLevel * StudentPopulation.FlagNewLevel));
            degree[degreeCount] = i;
            degreeCount += newLevel;
            int year = yearInProgramme[i];
            int inYear = (uint)(year - 1) <= 1 ? 1 : 0;
            credit[creditCount] = i;
            creditCount += atHome & inYear & memberOrigin[origin[i]];
            if (degreeCount == Batch)
            {
                DecideDegree(degree, buffers, degreeList);
                degreeCount = 0;
            }

            if (creditCount == Batch)
            {
                DecideCredit(credit, buffers, creditList);
                creditCount = 0;
            }
        }

        DecideDegree(degree[..degreeCount], buffers, degreeList);
        DecideCredit(credit[..creditCount], buffers, creditList);
    }

    /// <summary>Step 4's decision for a batch of students starting a level (slots in slot order).</summary>
    private void DecideDegree(ReadOnlySpan<int> slots, Buffers b, ChunkLists.ChunkList seekers)
    {
        int n = slots.Length;
        if (n == 0)
        {
            return;
        }

        var st = s.Students;
        var terms = new DegreeTerms(this);
        var origin = st.Origin;
        var flags = st.Flags;
        var ability = st.Ability;
        var resources = st.Resources;
        var home = st.Home;
        var level = st.Level;
        Gather(slots, st.Id, b.Ids);
        PhiloxBatch.FirstBlocks(s.Seed, s.Year, Purpose.DegreeDecision, b.Ids[..n], b.R0, b.R1, b.R2, b.R3);
        var x = b.X;
        var u = b.U;
        var r0 = b.R0;
        for (int j = 0; j < n; j++)
        {
            int i = slots[j];
            int o = origin[i];
            double difference = terms.QualityDifference(o, resources[i], (flags[i] & StudentPopulation.FlagEnglish) != 0, home[i]);
            x[j] = terms.Logit(o, ability[i], resources[i], difference, (int)level[i]);
            u[j] = UniformDraw.Of(r0[j]);
        }

        Take(slots, b, seekers);
    }

    /// <summary>Step 5's decision for a batch of home students in year 2 or 3 from member countries.</summary>
    private void DecideCredit(ReadOnlySpan<int> slots, Buffers b, ChunkLists.ChunkList seekers)
    {
        int n = slots.Length;
        if (n == 0)
        {
            return;
        }

        var st = s.Students;
        var origin = st.Origin;
        var ability = st.Ability;
        double cAbility = s.Settings.CreditMobility.CAbility;
        Gather(slots, st.Id, b.Ids);
        PhiloxBatch.FirstBlocks(s.Seed, s.Year, Purpose.CreditDecision, b.Ids[..n], b.R0, b.R1, b.R2, b.R3);

        // A decider whose word is at or above the year's bound draws a uniform above every probability the logit can
        // give (CreditWordBound), so it stays, as the full comparison would decide: only the others need a logit.
        // Most deciders stay, so most origins and abilities are never read.
        var r0 = b.R0;
        var candidates = MemoryMarshal.Cast<uint, int>(b.R2);
        var words = b.R1;
        ulong bound = creditWordBound;
        int m = 0;
        for (int j = 0; j < n; j++)
        {
            candidates[m] = slots[j];
            words[m] = r0[j];
            m += r0[j] < bound ? 1 : 0;
        }

        var x = b.X;
        var u = b.U;
        for (int j = 0; j < m; j++)
        {
            int i = candidates[j];
            x[j] = creditLogit[origin[i]] + (cAbility * (ability[i] - 0.5));
            u[j] = UniformDraw.Of(words[j]);
        }

        Take(candidates[..m], b, seekers);
    }

    private static void Gather(ReadOnlySpan<int> slots, int[] ids, Span<int> into)
    {
        for (int j = 0; j < slots.Length; j++)
        {
            into[j] = ids[slots[j]];
        }
    }

    private static void Take(ReadOnlySpan<int> slots, Buffers b, ChunkLists.ChunkList seekers)
    {
        int n = slots.Length;
        Logistic.Decide(b.X[..n], b.U[..n], b.Take);

        // The takers in slot order, without a branch on each decision (the ids are no longer needed, so their
        // buffer holds the list).
        var taken = b.Ids;
        int m = 0;
        for (int j = 0; j < n; j++)
        {
            taken[m] = slots[j];
            m += b.Take[j] ? 1 : 0;
        }

        seekers.AddRange(taken[..m]);
    }

    /// <summary>The year's terms of step 4's logit, in locals for a batch's loop.</summary>
    private readonly struct DegreeTerms(MobilityDecisions d)
    {
        private readonly ChoiceTables tables = d.tables;
        private readonly double[] expected = d.tables.ExpectedQuality;
        private readonly double[] quality = d.s.Universities.Composite;
        private readonly double[] networkTerm = d.networkTerm;
        private readonly double[] aidTerm = d.aidTerm;
        private readonly double[] shift = d.shift;
        private readonly double a0 = d.s.Settings.DegreeMobility.A0;
        private readonly double aAbility = d.s.Settings.DegreeMobility.AAbility;
        private readonly double aResources = d.s.Settings.DegreeMobility.AResources;
        private readonly double aGap = d.s.Settings.DegreeMobility.AGap;
        private readonly int[] countryOf = d.s.Universities.Country;

        /// <summary>
        /// The expected quality abroad of a student's type minus the quality of its home university: the numerator of
        /// the gap term.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double QualityDifference(int o, float resources, bool english, int home)
            => expected[tables.TypeIndex(o, tables.Band(resources), english)] - quality[home];

        /// <summary>The logit of a student of origin <paramref name="o"/> starting <paramref name="level"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Logit(int o, double ability, double resources, double qualityDifference, int level)
        {
            double gap = qualityDifference / 100;

            // The same terms added in the same order as the model's expression (the aid term is a.AAid * aid[o, level]).
            return a0 + (aAbility * (ability - 0.5)) + (aResources * (resources - 0.5))
                + (aGap * gap) + networkTerm[o]
                + aidTerm[(o * Levels) + level] + shift[o];
        }

        /// <summary>
        /// The largest <see cref="Logit"/> of a Bachelor entrant of origin <paramref name="o"/> this year, or NaN if there
        /// is none to give (no university of the origin, or a NaN term).
        /// </summary>
        /// <remarks>
        /// An entrant's ability and resources are floats in [0, 1], its type one of the origin's resource bands with or
        /// without English, and its home a university of its origin (<see cref="ChoiceTables.Home"/>). Every operation of
        /// the logit (a subtraction, a division by 100, a multiplication by a coefficient, an addition) is monotone in
        /// each operand, in floating point as in exact arithmetic, so the logit is largest where each term is: at ability
        /// and resources 0 or 1 by the sign of their coefficient, and at the largest or smallest quality difference by
        /// the sign of the gap's.
        /// </remarks>
        public double LargestEntrantLogit(int o)
        {
            double highExpected = double.NegativeInfinity, lowExpected = double.PositiveInfinity;
            for (int band = 0; band < tables.Bands; band++)
            {
                for (int english = 0; english < 2; english++)
                {
                    double e = expected[tables.TypeIndex(o, band, english == 1)];
                    if (double.IsNaN(e))
                    {
                        return double.NaN;
                    }

                    highExpected = Math.Max(highExpected, e);
                    lowExpected = Math.Min(lowExpected, e);
                }
            }

            double highQuality = double.NegativeInfinity, lowQuality = double.PositiveInfinity;
            bool anyHome = false;
            for (int i = 0; i < quality.Length; i++)
            {
                if (countryOf[i] == o)
                {
                    if (double.IsNaN(quality[i]))
                    {
                        return double.NaN;
                    }

                    anyHome = true;
                    highQuality = Math.Max(highQuality, quality[i]);
                    lowQuality = Math.Min(lowQuality, quality[i]);
                }
            }

            if (!anyHome)
            {
                return double.NaN;
            }

            double difference = aGap >= 0 ? highExpected - lowQuality : lowExpected - highQuality;
            return Logit(o, aAbility >= 0 ? 1.0 : 0.0, aResources >= 0 ? 1.0 : 0.0, difference, (int)StudyLevel.Bachelor);
        }

        /// <summary>
        /// <see cref="Logit"/> of eight students of one origin and level: the same operations in the same order (no
        /// fused multiply-adds), so every lane has the scalar value's bits.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<double> Logits(int o, Vector512<double> ability, Vector512<double> resources, Vector512<double> qualityDifference, int level)
        {
            var half = Vector512.Create(0.5);
            var gap = qualityDifference / Vector512.Create(100.0);
            return Vector512.Create(a0) + (Vector512.Create(aAbility) * (ability - half)) + (Vector512.Create(aResources) * (resources - half))
                + (Vector512.Create(aGap) * gap) + Vector512.Create(networkTerm[o])
                + Vector512.Create(aidTerm[(o * Levels) + level]) + Vector512.Create(shift[o]);
        }
    }

    /// <summary>A chunk's scratch for one batch of decisions (on the stack).</summary>
    internal readonly ref struct Buffers(
        Span<int> ids, Span<uint> r0, Span<uint> r1, Span<uint> r2, Span<uint> r3, Span<double> x, Span<double> u, Span<bool> take)
    {
        public readonly Span<int> Ids = ids;
        public readonly Span<uint> R0 = r0;
        public readonly Span<uint> R1 = r1;
        public readonly Span<uint> R2 = r2;
        public readonly Span<uint> R3 = r3;
        public readonly Span<double> X = x;
        public readonly Span<double> U = u;
        public readonly Span<bool> Take = take;
    }
}
