namespace Mobility.Engine.Phases;

using System.Numerics;
using System.Runtime.CompilerServices;
using Mobility.Engine.Agents;
using Mobility.Engine.Numerics;
using Mobility.Engine.Random;
using Mobility.Engine.State;
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
/// Three passes. (1) In parallel over chunks, fused with the study pass (<see cref="Study"/>), every student's state
/// changes, marking graduates and leavers in their flags; the graduates' draws are words of their year's study stream, whose block that pass computes anyway. (2) Over the graduates, in slot order, the
/// running sums of skill and attitude and the alumni totals: floating-point sums depend on their order, so keeping
/// the slot order keeps every result bit-identical to a single sequential pass; the universities' sums and the
/// alumni's are disjoint and run on two threads. (3) The in-place, order-preserving compaction of the student
/// arrays, which also clears the graduates' mark.
/// </remarks>
internal sealed class GraduationAndReturn
{
    /// <summary>Set on a graduate who leaves the student arrays (becomes an alumnus) this year.</summary>
    public const byte FlagLeaves = 8;

    /// <summary>Set on a leaving graduate abroad who stays in the host country.</summary>
    public const byte FlagStaysAbroad = 16;

    /// <summary>Set on every graduate of this year until the compaction (the ordered sums find the graduates by it).</summary>
    public const byte FlagGraduated = 32;

    private readonly SimulationState s;
    private readonly double[] returnProbability;

    public GraduationAndReturn(SimulationState state)
    {
        s = state;
        returnProbability = new double[state.CountryCount * state.CountryCount * 2];
    }

    /// <summary>
    /// The accounting of the year's graduates and the compaction. The state changes (credit students home, programme
    /// years, graduates' decisions) were made in the study pass (<see cref="Study"/> calls <see cref="PrepareDecisions"/>
    /// and <see cref="Advance"/>): one walk over the columns instead of two.
    /// </summary>
    public void Run()
    {
        var st = s.Students;
        var unis = s.Universities;
        Array.Clear(unis.GraduateSkillSum);
        Array.Clear(unis.GraduateCount);

        // The dropouts are the study pass's exact integer counts, the same values as sums of 1.0.
        for (int o = 0; o < s.CountryCount; o++)
        {
            s.Dropped[o] += s.Measure.Dropouts[o];
        }

        Account(st.Count);
        StudentCompaction.Run(st, s.Parallel, Study.FlagRemoved | FlagLeaves, FlagGraduated);
    }

    /// <summary>
    /// The year's terms of the graduates' decisions, before the study pass: the return probability by
    /// [((origin * countries) + host country) * 2 + obligation].
    /// </summary>
    public void PrepareDecisions()
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
                        - (g.GPsw * s.Policies.PostStudyWork[h])
                        + (co.Region == ch.Region ? g.GRegion : 0);
                    returnProbability[(((o * c) + h) * 2) + obligation] = Logistic.Sigmoid(x);
                }
            }
        }
    }

    /// <summary>
    /// The end of the year for a student in slot <paramref name="i"/> who did not drop out: a credit student comes
    /// home; a student at the end of a programme is marked and listed in <paramref name="graduates"/> with the words of
    /// its two graduation draws (the caller passes the list to <see cref="Graduate"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Advance(StudentPopulation st, int i, uint transitionWord, uint returnWord, ref GraduateList graduates)
    {
        if (st.Status[i] == StudentStatus.CreditAbroad)
        {
            st.Status[i] = StudentStatus.AtHome;
            st.Host[i] = st.Home[i];
            st.Funding[i] = Funding.Self;
        }

        if (++st.YearInProgramme[i] >= StudyLevels.Length(st.Level[i]))
        {
            st.Flags[i] |= FlagGraduated;
            graduates.Add(i, transitionWord, returnWord);
        }
    }

    /// <summary>
    /// A batch of graduates: continue to the next level, or leave (abroad: return home or stay). Their draws are
    /// words 1 (transition) and 2 (return) of their year's study stream, whose block the study pass computed already
    /// (<see cref="Study"/>); each graduate's decision reads and changes only its own slot, so batches may run in any
    /// order.
    /// </summary>
    public void Graduate(ReadOnlySpan<int> graduates, ReadOnlySpan<uint> transitionWords, ReadOnlySpan<uint> returnWords)
    {
        var st = s.Students;
        var countryOf = s.Universities.Country;
        int c = s.CountryCount;
        var entry = s.Settings.Entry;
        double masterTransition = entry.MasterTransition, phdTransition = entry.PhdTransition;
        var levelOf = st.Level;
        var statusOf = st.Status;
        var flags = st.Flags;
        for (int b = 0; b < graduates.Length; b++)
        {
            int i = graduates[b];
            double transition = levelOf[i] switch
            {
                StudyLevel.Bachelor => masterTransition,
                StudyLevel.Master => phdTransition,
                _ => 0,
            };
            bool abroad = statusOf[i] == StudentStatus.DegreeAbroad;
            if (UniformDraw.Of(transitionWords[b]) < transition)
            {
                levelOf[i]++;
                st.YearInProgramme[i] = 0;
                if (!abroad)
                {
                    flags[i] |= StudentPopulation.FlagNewLevel;
                    st.Funding[i] = Funding.Self;
                }

                continue;
            }

            byte leaves = FlagLeaves;
            if (abroad)
            {
                int h = countryOf[st.Host[i]];
                double p = returnProbability[(((st.Origin[i] * c) + h) * 2) + (st.Obligation[i] > 0 ? 1 : 0)];
                if (UniformDraw.Of(returnWords[b]) >= p)
                {
                    leaves |= FlagStaysAbroad;
                }
            }

            flags[i] |= leaves;
        }
    }

    /// <summary>
    /// The order-dependent running sums, over the graduates in slot order (found by their flag: slots are ordered by
    /// entry, so whole chunks of a final-year cohort graduate and per-chunk lists would need room for every slot).
    /// The universities' sums and the alumni's are disjoint, so two threads can each do one, both in slot order.
    /// </summary>
    private void Account(int count)
    {
        // One task per group of sums (one after the other with one thread).
        s.Parallel.Tasks(2, group =>
        {
            if (group == 0)
            {
                AccountUniversities(count);
            }
            else
            {
                AccountAlumni(count);
            }
        });
    }

    /// <summary>Graduates and their skill by university, graduates by origin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once a year: it would run as on-stack-replaced code
    private void AccountUniversities(int count)
    {
        var st = s.Students;
        var unis = s.Universities;
        var graduates = s.Measure.Graduates;
        var flags = st.Flags.AsSpan(0, count);
        for (int start = 0; start < count; start += 64)
        {
            for (ulong marked = FlagScan.Marked(flags, start, FlagGraduated); marked != 0; marked &= marked - 1)
            {
                int i = start + BitOperations.TrailingZeroCount(marked);
                int host = st.Host[i];
                unis.GraduateSkillSum[host] += st.Skill[i];
                unis.GraduateCount[host] += 1;
                graduates[st.Origin[i]] += 1;
            }
        }
    }

    /// <summary>The graduates who leave: returnees, brain drain and gain, alumni.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once a year: it would run as on-stack-replaced code
    private void AccountAlumni(int count)
    {
        var st = s.Students;
        var unis = s.Universities;
        var m = s.Measure;
        var flags = st.Flags.AsSpan(0, count);
        for (int start = 0; start < count; start += 64)
        {
            for (ulong marked = FlagScan.Marked(flags, start, FlagLeaves); marked != 0; marked &= marked - 1)
            {
                int i = start + BitOperations.TrailingZeroCount(marked);
                int o = st.Origin[i];
                int residence = o;
                if (st.Status[i] == StudentStatus.DegreeAbroad)
                {
                    int h = unis.Country[st.Host[i]];
                    if ((flags[i] & FlagStaysAbroad) == 0)
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
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per leaver, in the alumni pass
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
