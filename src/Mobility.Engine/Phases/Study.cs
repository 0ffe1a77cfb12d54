namespace Mobility.Engine.Phases;

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Mobility.Engine.Agents;
using Mobility.Engine.Numerics;
using Mobility.Engine.Random;
using Mobility.Engine.State;
using Mobility.Model.Agents;
using Mobility.Model.Parameters;

/// <summary>
/// Step 7: a year of study. skill += s0*(0.5 + Q(u)/100)*(1 + sAbroad if abroad); abroad, a satisfaction draw
/// ~ Normal(hospitality(h) + w*(Q(u)-Q(home))/100, sd) moves attitude toward it at rate eta (half as much for a
/// semester's credit stay); a dropout hazard applies. The pass also measures enrolment: stocks (degree students, as
/// official statistics count them), head counts (degree and credit), revenue. Each student who stays then ends the
/// year of step 8 in the same walk over the columns (a credit student comes home, the programme year advances, and a
/// student at the end of a programme graduates: <see cref="GraduationAndReturn.Graduate"/>, the graduates' decisions
/// and their sums): both read and change only the student's own slot, and nothing runs between the two
/// steps. Last, each chunk's dropouts and leaving graduates leave the student arrays (<see cref="StudyAndCompact"/>).
/// </summary>
/// <remarks>
/// One Philox block per student and year serves both steps (the stream of <see cref="Purpose.Study"/>, computed in
/// batches): word 0 is the dropout draw, words 1 and 2 the graduation draws (transition to the next level, return
/// home; <see cref="GraduationAndReturn.Graduate"/>), word 3 a credit student's semester draw or a degree student's
/// satisfaction normal (<see cref="Ziggurat"/>); a credit student's normal and the rare words the ziggurat rejects
/// come from the same stream's next block. Distinct words are independent uniforms, so every draw keeps its law.
/// </remarks>
internal sealed class Study
{
    public const byte FlagRemoved = 4;

    private readonly SimulationState s;
    private readonly GraduationAndReturn graduation;

    /// <summary>Programme length in years by level (all 256 byte values, so the hot loop indexes it unchecked).</summary>
    private readonly byte[] programmeLength = new byte[256];

    /// <summary>Revenue by host country, per chunk: sums of doubles, reduced in chunk order.</summary>
    private readonly PartialSums revenue;
    private readonly double[] revenueTotal;

    /// <summary>Head counts of the year (layout below): exact integers, so chunks add them in any order.</summary>
    private readonly int[] heads;
    private readonly int c;
    private readonly int u;
    private readonly double[] baseGain;
    private readonly float[] homeGain;

    /// <summary>A degree student's skill gain abroad by host university: the float of baseGain * (1 + sAbroad * 1.0).</summary>
    private readonly float[] degreeGain;
    private readonly double[] hospitality;
    private readonly double[] livingCost;

    /// <summary>
    /// WordsBelow of the year's dropout hazard by [(funded ? 2 : 0) + (abroad ? 1 : 0)]: the dropout draw is the
    /// stream's first word w, and Of(w) &lt; hazard exactly when w &lt; WordsBelow(hazard), so the loops compare integers.
    /// </summary>
    private readonly ulong[] dropoutBelow = new ulong[4];

    private const byte Leaving = FlagRemoved | GraduationAndReturn.FlagLeaves;

    private readonly Action<int, int, int> studyAndCompact;

    /// <summary>Per chunk of the year's study pass, 1 once studied; the chunks moved (all below this index); the slots they kept; 1 while a thread moves.</summary>
    private int[] studied = [];
    private int studiedChunks;
    private int compacted;
    private int kept;
    private int moving;

    public Study(SimulationState state, GraduationAndReturn graduation)
    {
        s = state;
        this.graduation = graduation;
        for (int level = 0; level < programmeLength.Length; level++)
        {
            programmeLength[level] = (byte)StudyLevels.Length((StudyLevel)level);
        }

        c = state.CountryCount;
        u = state.Universities.Count;
        revenue = new PartialSums(c);
        revenueTotal = new double[c];
        heads = new int[CountWidth];
        baseGain = new double[u];
        homeGain = new float[u];
        degreeGain = new float[u];
        hospitality = new double[c];
        livingCost = new double[c];
        studyAndCompact = StudyAndCompact;
    }

    /// <summary>
    /// Per-university and per-country terms of the year, computed once instead of once per student, with the same
    /// operations in the same order as the per-student formula, so the results are bit-identical.
    /// </summary>
    private void PrepareTables(StudyCoefficients k)
    {
        var quality = s.Universities.Composite;
        for (int i = 0; i < u; i++)
        {
            baseGain[i] = k.S0 * (0.5 + (quality[i] / 100));
            homeGain[i] = (float)(baseGain[i] * (1 + 0.0));
            degreeGain[i] = (float)(baseGain[i] * (1 + (k.SAbroad * 1.0)));
        }

        for (int h = 0; h < c; h++)
        {
            hospitality[h] = s.Countries[h].Hospitality;
            livingCost[h] = s.Countries[h].LivingCostUsd;
        }

        for (int self = 0; self < 2; self++)
        {
            for (int abroad = 0; abroad < 2; abroad++)
            {
                double hazard = k.DropoutHazard
                    * (self == 1 ? 1 : k.FundedDropoutFactor)
                    * (abroad == 1 ? k.AbroadDropoutFactor : 1);
                dropoutBelow[((1 - self) * 2) + abroad] = UniformDraw.WordsBelow(hazard);
            }
        }
    }

    /// <summary>
    /// Head counts: stocks by [origin * countries + host country], students and foreign students by university,
    /// domestic students and dropouts by origin, and students at home at a university of their origin by university
    /// (one counter instead of three for nearly every student; folded into the students and domestic counts after the pass),
    /// and national-scholarship holders by [origin * countries + host country].
    /// </summary>
    private int CountWidth => (2 * c * c) + (3 * u) + (2 * c);

    private int StudentsAt => c * c;

    private int ForeignAt => StudentsAt + u;

    private int DomesticAt => ForeignAt + u;

    private int DropoutsAt => DomesticAt + c;

    private int HomeAt => DropoutsAt + c;

    private int HoldersAt => HomeAt + u;

    public void Run()
    {
        PrepareTables(s.Settings.Study);
        int chunks = ChunkedParallel.ChunkCount(s.Students.Count);
        graduation.PrepareDecisions(chunks);
        revenue.Prepare(chunks);
        Array.Clear(heads);
        PrepareMoves(chunks);
        s.Parallel.For(s.Students.Count, studyAndCompact);
        if (compacted != chunks)
        {
            throw new InvalidOperationException($"study pass: {compacted} of {chunks} chunks compacted");
        }

        s.Students.Count = kept;
        revenue.Reduce(chunks, revenueTotal);
        var countryOf = s.Universities.Country;
        for (int i = 0; i < u; i++)
        {
            int n = heads[HomeAt + i];
            heads[StudentsAt + i] += n;
            heads[DomesticAt + countryOf[i]] += n;
        }

        var unis = s.Universities;
        var m = s.Measure;
        for (int o = 0; o < c; o++)
        {
            for (int h = 0; h < c; h++)
            {
                m.Stocks[o, h] = heads[(o * c) + h];
                m.ScholarshipHolders[o, h] = heads[HoldersAt + (o * c) + h];
            }

            m.DomesticStudents[o] = heads[DomesticAt + o];
            m.Dropouts[o] = heads[DropoutsAt + o];
            m.RevenueUsd[o] = revenueTotal[o];
        }

        for (int i = 0; i < u; i++)
        {
            unis.Students[i] = heads[StudentsAt + i];
            unis.ForeignStudents[i] = heads[ForeignAt + i];
        }
    }

    private void PrepareMoves(int chunks)
    {
        if (studied.Length < chunks)
        {
            // A quarter more than needed, so that a growing population does not allocate every year.
            studied = new int[chunks + (chunks / 4) + 4];
        }

        Array.Clear(studied);
        studiedChunks = chunks;
        compacted = 0;
        kept = 0;
        moving = 0;
    }

    /// <summary>
    /// A chunk's year of study, then the removal of its dropouts and leaving graduates from the student arrays
    /// (<see cref="StudentCompaction.CompactRange"/>): its stayers move down to follow the stayers of the chunks before
    /// it, in slot order. The moves run one chunk after the other in chunk order, whatever thread studied the chunk:
    /// a thread that ends a chunk's study moves every studied chunk next in line, unless another thread is moving
    /// (which then moves this chunk too when its turn comes). No thread waits for another, and the result is the
    /// order-preserving compaction of the whole arrays, whatever the thread count.
    /// </summary>
    private void StudyAndCompact(int chunk, int start, int end)
    {
        StudyChunk(revenue.Slot(chunk), graduation.Sums(chunk), start, end);
        Volatile.Write(ref studied[chunk], 1);
        var st = s.Students;
        int count = st.Count;
        int chunks = studiedChunks;
        while (Interlocked.CompareExchange(ref moving, 1, 0) == 0)
        {
            int next = compacted;
            while (next < chunks && Volatile.Read(ref studied[next]) == 1)
            {
                int from = next * ChunkedParallel.ChunkSize;
                kept += StudentCompaction.CompactRange(st, kept, from, Math.Min(count, from + ChunkedParallel.ChunkSize), Leaving);
                next++;
            }

            compacted = next;

            // A full fence, then a second look: a chunk marked studied while this thread was moving, whose thread found
            // the moves taken, is moved here.
            Interlocked.Exchange(ref moving, 0);
            if (next >= chunks || Volatile.Read(ref studied[next]) == 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The year of study of the slots [start, end): head counts into <see cref="heads"/>, revenue by host country into
    /// <paramref name="revenueOf"/>. Per batch of slots, a branch-light pass does the students at home (the great
    /// majority) and lists the others, which a second pass then does in slot order (only they add to the revenue, so
    /// its sums keep their order).
    /// </summary>
    private void StudyChunk(double[] revenueOf, double[] graduateSums, int start, int end)
    {
        var st = s.Students;
        ulong seed = s.Seed;
        int year = s.Year;
        int width = CountWidth;
        var id = st.Id;

        ulong selfBelow = dropoutBelow[0], fundedBelow = dropoutBelow[2];

        // Head counts as integers (exact, so the same as sums of 1.0), in two interleaved copies: neighbouring
        // slots often share origin and host, and one counter would make each student wait for the last one's store.
        Span<int> counts = stackalloc int[2 * width];
        Span<uint> r0 = stackalloc uint[PhiloxBatch.Size], r1 = stackalloc uint[PhiloxBatch.Size];
        Span<uint> r2 = stackalloc uint[PhiloxBatch.Size], r3 = stackalloc uint[PhiloxBatch.Size];
        Span<int> abroadSlots = stackalloc int[PhiloxBatch.Size];

        // This year's graduates with their two graduation words, passed on in batches of PhiloxBatch.Size (a batch of
        // slots adds at most that many).
        var graduates = new GraduateList(stackalloc int[2 * PhiloxBatch.Size], stackalloc uint[2 * PhiloxBatch.Size], stackalloc uint[2 * PhiloxBatch.Size]);
        Span<int> graduateCounts = stackalloc int[graduation.CountWidth];
        for (int batch = start; batch < end; batch += PhiloxBatch.Size)
        {
            int batchEnd = Math.Min(end, batch + PhiloxBatch.Size);
            PhiloxBatch.FirstBlocks(seed, year, Purpose.Study, id.AsSpan(batch, batchEnd - batch), r0, r1, r2, r3);
            int abroad = StudyAtHome(counts, r0, r1, r2, abroadSlots, ref graduates, batch, batchEnd, selfBelow, fundedBelow);
            StudyAbroad(counts, revenueOf, abroadSlots[..abroad], ref graduates, batch, r0, r1, r2, r3);
            if (graduates.Count >= PhiloxBatch.Size)
            {
                graduation.Graduate(graduates.Slots[..PhiloxBatch.Size], graduates.TransitionWords, graduates.ReturnWords, graduateSums, graduateCounts);
                graduates.DropFirst(PhiloxBatch.Size);
            }
        }

        graduation.Graduate(graduates.Slots[..graduates.Count], graduates.TransitionWords, graduates.ReturnWords, graduateSums, graduateCounts);
        graduation.AddCounts(graduateCounts);
        for (int j = 0; j < width; j++)
        {
            int n = counts[j] + counts[width + j];
            if (n != 0)
            {
                Interlocked.Add(ref heads[j], n);
            }
        }
    }

    /// <summary>
    /// The students at home among the slots [batch, batchEnd) (first words in <paramref name="r0"/>); returns how many
    /// others it listed in <paramref name="abroadSlots"/>. Slots and table entries are in range by construction (the
    /// columns hold at least Count slots, hosts and origins index the tables), so the loop reads through refs
    /// without bounds checks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int StudyAtHome(Span<int> counts, ReadOnlySpan<uint> r0, ReadOnlySpan<uint> r1, ReadOnlySpan<uint> r2, Span<int> abroadSlots, ref GraduateList graduates, int batch, int batchEnd, ulong selfBelow, ulong fundedBelow)
    {
        var st = s.Students;
        int graduated = graduates.Count;
        if ((uint)batchEnd > (uint)st.Status.Length || batchEnd - batch > r0.Length || batchEnd - batch > r1.Length
            || batchEnd - batch > r2.Length || batchEnd - batch > abroadSlots.Length
            || graduated + (batchEnd - batch) > graduates.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(batchEnd));
        }

        int width = CountWidth;
        ref int copy0 = ref MemoryMarshal.GetReference(counts);
        ref int domestic = ref Unsafe.Add(ref copy0, DomesticAt);
        ref int students = ref Unsafe.Add(ref copy0, StudentsAt);
        ref int foreign = ref Unsafe.Add(ref copy0, ForeignAt);
        ref int dropouts = ref Unsafe.Add(ref copy0, DropoutsAt);
        ref int home = ref Unsafe.Add(ref copy0, HomeAt);
        ref byte origin = ref MemoryMarshal.GetArrayDataReference(st.Origin);
        ref short hostOf = ref MemoryMarshal.GetArrayDataReference(st.Host);
        ref float skill = ref MemoryMarshal.GetArrayDataReference(st.Skill);
        ref Funding funding = ref MemoryMarshal.GetArrayDataReference(st.Funding);
        ref byte flags = ref MemoryMarshal.GetArrayDataReference(st.Flags);
        ref float homeGainOf = ref MemoryMarshal.GetArrayDataReference(homeGain);
        ref int countryOf = ref MemoryMarshal.GetArrayDataReference(s.Universities.Country);
        ref uint word = ref MemoryMarshal.GetReference(r0);
        ref int listed = ref MemoryMarshal.GetReference(abroadSlots);
        ref byte yearInProgramme = ref MemoryMarshal.GetArrayDataReference(st.YearInProgramme);
        ref StudyLevel level = ref MemoryMarshal.GetArrayDataReference(st.Level);
        ref byte lengthOf = ref MemoryMarshal.GetArrayDataReference(programmeLength);
        ref uint transitionWord = ref MemoryMarshal.GetReference(r1);
        ref uint returnWord = ref MemoryMarshal.GetReference(r2);
        ref int graduate = ref MemoryMarshal.GetReference(graduates.Slots);
        ref uint transitionOf = ref MemoryMarshal.GetReference(graduates.TransitionWords);
        ref uint returnOf = ref MemoryMarshal.GetReference(graduates.ReturnWords);
        int listedGraduates = graduated;
        int abroad = 0;

        // Who is abroad, 64 slots at a time: then neither list depends on a branch per student (students abroad are
        // scattered, and a branch on each one's status would often be mispredicted).
        var statuses = MemoryMarshal.Cast<StudentStatus, byte>(st.Status.AsSpan(0, batchEnd));
        for (int block = batch; block < batchEnd; block += 64)
        {
            int length = Math.Min(64, batchEnd - block);
            ulong away = FlagScan.Marked(statuses, block, 0xFF);
            for (ulong bits = away; bits != 0; bits &= bits - 1)
            {
                Unsafe.Add(ref listed, abroad++) = block + BitOperations.TrailingZeroCount(bits);
            }

            ulong inBlock = length == 64 ? ulong.MaxValue : (1UL << length) - 1;
            for (ulong bits = ~away & inBlock; bits != 0; bits &= bits - 1)
            {
                int i = block + BitOperations.TrailingZeroCount(bits);
                int copy = (i & 1) * width;
                int o = Unsafe.Add(ref origin, i);
                int host = Unsafe.Add(ref hostOf, i);
                Unsafe.Add(ref skill, i) += Unsafe.Add(ref homeGainOf, host);
                if (Unsafe.Add(ref countryOf, host) == o)
                {
                    Unsafe.Add(ref home, copy + host)++;
                }
                else
                {
                    Unsafe.Add(ref domestic, copy + o)++;
                    Unsafe.Add(ref students, copy + host)++;
                    Unsafe.Add(ref foreign, copy + host)++;
                }

                ulong below = Unsafe.Add(ref funding, i) == Funding.Self ? selfBelow : fundedBelow;
                if (Unsafe.Add(ref word, i - batch) < below)
                {
                    Unsafe.Add(ref flags, i) |= FlagRemoved;
                    Unsafe.Add(ref dropouts, copy + o)++;
                    continue;
                }

                // The end of the year: at the end of a programme, the student is listed with its two graduation words.
                if (++Unsafe.Add(ref yearInProgramme, i) >= Unsafe.Add(ref lengthOf, (byte)Unsafe.Add(ref level, i)))
                {
                    Unsafe.Add(ref transitionOf, listedGraduates) = Unsafe.Add(ref transitionWord, i - batch);
                    Unsafe.Add(ref returnOf, listedGraduates) = Unsafe.Add(ref returnWord, i - batch);
                    Unsafe.Add(ref graduate, listedGraduates++) = i;
                }
            }
        }

        graduates.Count = listedGraduates;
        return abroad;
    }

    /// <summary>
    /// The students abroad (degree or credit) in the slots <paramref name="listed"/> of the batch starting at slot
    /// <paramref name="batch"/>, in slot order. Their draws are words of the student's study stream for the year
    /// (the layout is in the class's remarks): the dropout draw (word 0), the two graduation words (1 and 2,
    /// passed on if the student graduates), then a credit student's semester draw (word 3) and the satisfaction normal
    /// (<see cref="Ziggurat"/>: a degree student's from word 3, a credit student's from word 4, i.e. block 1; a draw
    /// that the ziggurat rejects takes the stream's next words); then the end of the year. Slots and table
    /// entries are in range by construction (the listed slots are below the batch's end, hosts, homes and origins
    /// index the tables), so the loop reads through refs without bounds checks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StudyAbroad(Span<int> counts, double[] revenueOf, ReadOnlySpan<int> listed, ref GraduateList graduates, int batch, ReadOnlySpan<uint> r0, ReadOnlySpan<uint> r1, ReadOnlySpan<uint> r2, ReadOnlySpan<uint> r3)
    {
        if (listed.IsEmpty)
        {
            return;
        }

        var st = s.Students;
        int last = listed[^1] - batch;
        if ((uint)listed[^1] >= (uint)st.Status.Length || listed[0] < batch || last >= r0.Length || last >= r1.Length
            || last >= r2.Length || last >= r3.Length || graduates.Count + listed.Length > graduates.Capacity
            || counts.Length < 2 * CountWidth || revenueOf.Length < c)
        {
            throw new ArgumentOutOfRangeException(nameof(listed));
        }

        var k = s.Settings.Study;
        ref double quality = ref MemoryMarshal.GetArrayDataReference(s.Universities.Composite);
        ref int countryOf = ref MemoryMarshal.GetArrayDataReference(s.Universities.Country);
        ref double tuitionOf = ref MemoryMarshal.GetArrayDataReference(s.Universities.Tuition);
        ref double gain = ref MemoryMarshal.GetArrayDataReference(baseGain);
        ref float degreeGainOf = ref MemoryMarshal.GetArrayDataReference(degreeGain);
        ref double hospitalityOf = ref MemoryMarshal.GetArrayDataReference(hospitality);
        ref double livingCostOf = ref MemoryMarshal.GetArrayDataReference(livingCost);
        ref double revenue = ref MemoryMarshal.GetArrayDataReference(revenueOf);
        ref short hostOf = ref MemoryMarshal.GetArrayDataReference(st.Host);
        ref short homeOf = ref MemoryMarshal.GetArrayDataReference(st.Home);
        ref byte origin = ref MemoryMarshal.GetArrayDataReference(st.Origin);
        ref StudentStatus statusOf = ref MemoryMarshal.GetArrayDataReference(st.Status);
        ref float skill = ref MemoryMarshal.GetArrayDataReference(st.Skill);
        ref float attitude = ref MemoryMarshal.GetArrayDataReference(st.Attitude);
        ref Funding funding = ref MemoryMarshal.GetArrayDataReference(st.Funding);
        ref byte flags = ref MemoryMarshal.GetArrayDataReference(st.Flags);
        ref byte yearInProgramme = ref MemoryMarshal.GetArrayDataReference(st.YearInProgramme);
        ref StudyLevel level = ref MemoryMarshal.GetArrayDataReference(st.Level);
        ref byte lengthOf = ref MemoryMarshal.GetArrayDataReference(programmeLength);
        ref int copy0 = ref MemoryMarshal.GetReference(counts);
        var id = st.Id;
        ulong seed = s.Seed;
        int year = s.Year;
        double semesterShare = s.Settings.CreditMobility.SemesterShare;
        double sAbroad = k.SAbroad, eta = k.Eta, satisfactionWeight = k.SatisfactionQualityWeight, satisfactionSd = k.SatisfactionSd;
        ulong selfBelow = dropoutBelow[1], fundedBelow = dropoutBelow[3];
        int countries = c, width = CountWidth, studentsAt = StudentsAt, foreignAt = ForeignAt, dropoutsAt = DropoutsAt, holdersAt = HoldersAt;
        foreach (int i in listed)
        {
            int b = i - batch;
            ref int count = ref Unsafe.Add(ref copy0, (i & 1) * width);
            int host = Unsafe.Add(ref hostOf, i);
            int h = Unsafe.Add(ref countryOf, host);
            int o = Unsafe.Add(ref origin, i);
            var status = Unsafe.Add(ref statusOf, i);
            bool degree = status == StudentStatus.DegreeAbroad;
            double exposure = 1.0;
            double normal;
            float gained;
            if (degree)
            {
                if (!Ziggurat.TryFast(r3[b], out normal))
                {
                    var more = RandomStream.FromBlock(seed, (uint)id[i], year, Purpose.Study, 1);
                    normal = Ziggurat.Finish(r3[b], ref more);
                }

                gained = Unsafe.Add(ref degreeGainOf, host);
            }
            else
            {
                exposure = UniformDraw.Of(r3[b]) < semesterShare ? 0.5 : 1.0;
                var more = RandomStream.FromBlock(seed, (uint)id[i], year, Purpose.Study, 1);
                normal = Ziggurat.Next(more.NextWord(), ref more);
                gained = (float)(Unsafe.Add(ref gain, host) * (1 + (sAbroad * exposure)));
            }

            double q = Unsafe.Add(ref quality, host);
            Unsafe.Add(ref skill, i) += gained;
            double mean = Unsafe.Add(ref hospitalityOf, h) + (satisfactionWeight * (q - Unsafe.Add(ref quality, Unsafe.Add(ref homeOf, i))) / 100);
            double satisfaction = Math.Clamp(mean + (satisfactionSd * normal), 0, 1);
            ref float a = ref Unsafe.Add(ref attitude, i);
            a += (float)(eta * exposure * (satisfaction - a));
            double tuition = 0;
            int pair = (o * countries) + h;
            if (degree)
            {
                Unsafe.Add(ref count, pair)++;
                if (Unsafe.Add(ref funding, i) == Funding.NationalScholarship)
                {
                    Unsafe.Add(ref count, holdersAt + pair)++;
                }

                tuition = Unsafe.Add(ref tuitionOf, host);
            }

            Unsafe.Add(ref revenue, h) += (tuition + Unsafe.Add(ref livingCostOf, h)) * exposure;
            Unsafe.Add(ref count, studentsAt + host)++;
            if (h != o)
            {
                Unsafe.Add(ref count, foreignAt + host)++;
            }

            if (r0[b] < (Unsafe.Add(ref funding, i) == Funding.Self ? selfBelow : fundedBelow))
            {
                Unsafe.Add(ref flags, i) |= FlagRemoved;
                Unsafe.Add(ref count, dropoutsAt + o)++;
                continue;
            }

            // The end of the year: a credit student comes home; a student at the end of a programme is listed with its
            // two graduation words.
            if (!degree)
            {
                Unsafe.Add(ref statusOf, i) = StudentStatus.AtHome;
                Unsafe.Add(ref hostOf, i) = Unsafe.Add(ref homeOf, i);
                Unsafe.Add(ref funding, i) = Funding.Self;
            }

            if (++Unsafe.Add(ref yearInProgramme, i) >= Unsafe.Add(ref lengthOf, (byte)Unsafe.Add(ref level, i)))
            {
                graduates.Add(i, r1[b], r2[b]);
            }
        }
    }
}
