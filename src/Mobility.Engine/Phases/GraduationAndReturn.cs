namespace Mobility.Engine.Phases;

using Mobility.Engine.Agents;
using Mobility.Engine.Core;
using Mobility.Engine.Random;
using Mobility.Model.Agents;

/// <summary>
/// Step 8: credit students come home; students at the end of a programme graduate. A graduate continues to the
/// next level with the transition rate (abroad: at the same host; at home: deciding on mobility next year);
/// otherwise a graduate abroad returns home with probability
/// sigmoid(g0 + gWage*ln(wage(o)/wage(h)) + gObligation*[obligation] - gPsw*postStudyWork(h) + gRegion*[same region])
/// or stays (brain drain for o, brain gain for h). Finished graduates become alumni; dropouts leave the student
/// arrays.
/// </summary>
/// <remarks>
/// Three passes. (1) In parallel over chunks, every student's draws and state changes, marking graduates and
/// leavers in their flags. (2) Sequentially over the graduates, in slot order, the running sums of
/// skill and attitude and the alumni list: floating-point sums depend on their order, so keeping the slot order keeps
/// every result bit-identical to a single sequential pass. (3) The parallel, order-preserving compaction of the
/// student arrays.
/// </remarks>
internal sealed class GraduationAndReturn
{
    /// <summary>Set on a graduate who leaves the student arrays (becomes an alumnus) this year.</summary>
    public const byte FlagLeaves = 8;

    /// <summary>Set on a leaving graduate abroad who stays in the host country.</summary>
    public const byte FlagStaysAbroad = 16;

    /// <summary>Set on every graduate of this year until the ordered sums have counted it.</summary>
    public const byte FlagGraduated = 32;

    private readonly SimulationState s;
    private readonly PartialSums dropped;
    private readonly StudentCompaction compaction;
    private readonly double[] droppedTotal;
    private readonly double[] returnProbability;

    public GraduationAndReturn(SimulationState state)
    {
        s = state;
        dropped = new PartialSums(state.CountryCount);
        droppedTotal = new double[state.CountryCount];
        returnProbability = new double[state.CountryCount * state.CountryCount * 2];
        compaction = new StudentCompaction(state.Parallel);
    }

    /// <summary>Scratch memory the compaction keeps between years.</summary>
    public long ScratchBytes => compaction.ScratchBytes;

    public void Run()
    {
        var st = s.Students;
        var unis = s.Universities;
        Array.Clear(unis.GraduateSkillSum);
        Array.Clear(unis.GraduateCount);
        PrepareReturnProbabilities();
        int count = st.Count;
        int chunks = ChunkedParallel.ChunkCount(count);
        dropped.Prepare(chunks);
        compaction.Prepare(count, st.Id.Length);

        Decide();
        dropped.Reduce(chunks, droppedTotal);
        for (int o = 0; o < s.CountryCount; o++)
        {
            s.Dropped[o] += droppedTotal[o];
        }

        Account(count);
        compaction.Run(st);
    }

    /// <summary>Return probability by [((origin * countries) + host country) * 2 + obligation].</summary>
    private void PrepareReturnProbabilities()
    {
        var g = s.Settings.Graduation;
        int c = s.CountryCount;
        for (int o = 0; o < c; o++)
        {
            var co = s.Countries[o];
            for (int h = 0; h < c; h++)
            {
                var ch = s.Countries[h];
                for (int obligation = 0; obligation < 2; obligation++)
                {
                    double x = g.G0 + (g.GWage * Math.Log(co.WageIndex / ch.WageIndex))
                        + (obligation == 1 ? g.GObligation : 0)
                        - (g.GPsw * ch.PostStudyWork)
                        + (co.Region == ch.Region ? g.GRegion : 0);
                    returnProbability[(((o * c) + h) * 2) + obligation] = Logistic.Sigmoid(x);
                }
            }
        }
    }

    private void Decide()
    {
        var st = s.Students;
        var entry = s.Settings.Entry;
        var countryOf = s.Universities.Country;
        int c = s.CountryCount;
        ulong seed = s.Seed;
        int year = s.Year;
        s.Parallel.For(st.Count, (chunk, start, end) =>
        {
            var droppedHere = dropped.Slot(chunk);
            var keptAt = compaction.KeptPositions;
            int kept = 0;
            Span<uint> r0 = stackalloc uint[PhiloxBatch.Size], r1 = stackalloc uint[PhiloxBatch.Size];
            Span<uint> r2 = stackalloc uint[PhiloxBatch.Size], r3 = stackalloc uint[PhiloxBatch.Size];
            for (int i = start; i < end; i++)
            {
                int b = (i - start) % PhiloxBatch.Size;
                if (b == 0)
                {
                    PhiloxBatch.FirstBlocks(seed, year, Purpose.Graduation, st.Id.AsSpan(i, Math.Min(PhiloxBatch.Size, end - i)), r0, r1, r2, r3);
                }

                int o = st.Origin[i];
                if ((st.Flags[i] & Study.FlagRemoved) != 0)
                {
                    droppedHere[o] += 1;
                    continue;
                }

                if (st.Status[i] == StudentStatus.CreditAbroad)
                {
                    st.Status[i] = StudentStatus.AtHome;
                    st.Host[i] = st.Home[i];
                    st.Funding[i] = Funding.Self;
                }

                st.YearInProgramme[i]++;
                if (st.YearInProgramme[i] < StudyLevels.Length(st.Level[i]))
                {
                    keptAt[start + kept++] = (ushort)(i - start);
                    continue;
                }

                st.Flags[i] |= FlagGraduated;
                var rng = new RandomStream(seed, (uint)st.Id[i], year, Purpose.Graduation, r0[b], r1[b], r2[b], r3[b]);
                double transition = st.Level[i] switch
                {
                    StudyLevel.Bachelor => entry.MasterTransition,
                    StudyLevel.Master => entry.PhdTransition,
                    _ => 0,
                };
                bool abroad = st.Status[i] == StudentStatus.DegreeAbroad;
                if (rng.NextDouble() < transition)
                {
                    st.Level[i]++;
                    st.YearInProgramme[i] = 0;
                    if (!abroad)
                    {
                        st.Flags[i] |= StudentPopulation.FlagNewLevel;
                        st.Funding[i] = Funding.Self;
                    }

                    keptAt[start + kept++] = (ushort)(i - start);
                    continue;
                }

                byte leaves = FlagLeaves;
                if (abroad)
                {
                    int h = countryOf[st.Host[i]];
                    double p = returnProbability[(((o * c) + h) * 2) + (st.Obligation[i] > 0 ? 1 : 0)];
                    if (rng.NextDouble() >= p)
                    {
                        leaves |= FlagStaysAbroad;
                    }
                }

                st.Flags[i] |= leaves;
            }

            compaction.SetKept(chunk, kept);
        });
    }

    /// <summary>
    /// The order-dependent running sums, over the graduates in slot order (found by their flag: slots are ordered by
    /// entry, so whole chunks of a final-year cohort graduate and per-chunk lists would need room for every slot).
    /// </summary>
    private void Account(int count)
    {
        var st = s.Students;
        var unis = s.Universities;
        var m = s.Measure;
        var flagsOf = st.Flags;
        for (int i = 0; i < count; i++)
        {
            byte flags = flagsOf[i];
            if ((flags & FlagGraduated) == 0)
            {
                continue;
            }

            flagsOf[i] = (byte)(flags & ~FlagGraduated);
            int o = st.Origin[i];
            int host = st.Host[i];
            unis.GraduateSkillSum[host] += st.Skill[i];
            unis.GraduateCount[host] += 1;
            m.Graduates[o] += 1;
            if ((flags & FlagLeaves) == 0)
            {
                continue;
            }

            int residence = o;
            if (st.Status[i] == StudentStatus.DegreeAbroad)
            {
                int h = unis.Country[host];
                if ((flags & FlagStaysAbroad) == 0)
                {
                    m.Returnees[o] += 1;
                }
                else
                {
                    residence = h;
                    m.BrainDrain[o] += 1;
                    m.BrainGain[h] += 1;
                }
            }

            AddAlumnus(i, residence);
        }
    }

    private void AddAlumnus(int i, int residence)
    {
        var st = s.Students;
        int o = st.Origin[i];
        int studiedIn = st.AbroadCountry[i];
        float skill = st.Skill[i];
        if (studiedIn == StudentPopulation.NoCountry)
        {
            s.DomesticAlumni[o] += 1;
            s.DomesticAlumniSkill[o] += skill;
            return;
        }

        float attitude = st.Attitude[i];
        s.MobileAlumni++;
        s.AlumniStudiedIn[o, studiedIn] += 1;
        if (residence == o)
        {
            s.ResidentAlumni[o, studiedIn] += 1;
            s.ResidentAlumniAttitude[o, studiedIn] += attitude;
        }

        s.MobileResidentCount[residence] += 1;
        s.MobileResidentSkill[residence] += skill;
    }
}
