namespace Mobility.Engine.Phases;

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
/// One pass, the study pass (<see cref="Study"/>): in parallel over chunks, every student's state changes there,
/// leavers are marked in their flags, the graduates' draws are words of their year's study stream (whose block that
/// pass computes anyway), each graduate is counted into its chunk's sums right after its decision, and the chunk's
/// leavers are removed from the student arrays. This phase then adds the chunks' sums in chunk order, so the totals
/// do not depend on the thread count.
/// </remarks>
internal sealed class GraduationAndReturn
{
    /// <summary>Set on a graduate who leaves the student arrays (becomes an alumnus) this year.</summary>
    public const byte FlagLeaves = 8;

    private readonly SimulationState s;
    /// <summary>
    /// WordsBelow of the year's return probability by [((origin * countries) + host country) * 2 + obligation]: a
    /// graduate abroad stays when its return word w has Of(w) &gt;= p, i.e. exactly when w is at or above this bound
    /// (2^32, so that no word is, when p is NaN: the comparison with NaN fails and the graduate returns).
    /// </summary>
    private readonly ulong[] returnBelow;

    /// <summary>WordsBelow of the transition rate by level (all 256 byte values; 0 for the levels with no next one).</summary>
    private readonly ulong[] transitionBelow = new ulong[256];
    private readonly int c;
    private readonly int u;

    /// <summary>The year's floating-point sums over the graduates, per chunk of the study pass (layout below), added in chunk order.</summary>
    private readonly PartialSums accounts;
    private readonly double[] accountTotal;

    /// <summary>The year's counts of graduates (layout below): exact integers, so chunks add theirs in any order.</summary>
    private readonly int[] counted;
    private int accountChunks;

    public GraduationAndReturn(SimulationState state)
    {
        s = state;
        c = state.CountryCount;
        u = state.Universities.Count;
        returnBelow = new ulong[c * c * 2];
        accounts = new PartialSums(SumWidth);
        accountTotal = new double[SumWidth];
        counted = new int[CountWidth];
    }

    // The sums' layout: graduates' skill by university, domestic alumni's skill by origin, the attitude of mobile alumni
    // living at home by [origin, country of study], mobile alumni's skill by country of residence.
    private int SkillAt => 0;

    private int DomesticSkillAt => u;

    private int ResidentAttitudeAt => DomesticSkillAt + c;

    private int MobileSkillAt => ResidentAttitudeAt + (c * c);

    private int SumWidth => MobileSkillAt + c;

    // The counts' layout: graduates by university; graduates, returnees, brain drain (by origin), brain gain (by host
    // country), domestic alumni (by origin); mobile alumni by [origin, country of study] and those living at home by
    // the same; mobile alumni by country of residence; the number of mobile alumni.
    private int GraduatesAtUniversity => 0;

    private int GraduatesAt => u;

    private int ReturneesAt => GraduatesAt + c;

    private int DrainAt => ReturneesAt + c;

    private int GainAt => DrainAt + c;

    private int DomesticAt => GainAt + c;

    private int StudiedInAt => DomesticAt + c;

    private int ResidentAt => StudiedInAt + (c * c);

    private int MobileCountAt => ResidentAt + (c * c);

    private int MobileAlumniAt => MobileCountAt + c;

    /// <summary>Ints a chunk's counts of graduates need (<see cref="Graduate"/>, <see cref="AddCounts"/>).</summary>
    public int CountWidth => MobileAlumniAt + 1;

    /// <summary>The sums of chunk <paramref name="chunk"/> of this year's study pass (for <see cref="Graduate"/>).</summary>
    public double[] Sums(int chunk) => accounts.Slot(chunk);

    /// <summary>Adds a chunk's counts (<see cref="Graduate"/>) to the year's.</summary>
    public void AddCounts(ReadOnlySpan<int> counts)
    {
        for (int j = 0; j < counted.Length; j++)
        {
            if (counts[j] != 0)
            {
                Interlocked.Add(ref counted[j], counts[j]);
            }
        }
    }

    /// <summary>
    /// The accounting of the year's graduates. The state changes (credit students home, programme years, graduates'
    /// decisions) and the removal of the leavers were made in the study pass (<see cref="Study"/> ends each student's
    /// year and calls <see cref="PrepareDecisions"/> and <see cref="Graduate"/>): one walk over the columns instead of
    /// three.
    /// </summary>
    public void Run()
    {
        // The dropouts are the study pass's exact integer counts, the same values as sums of 1.0.
        for (int o = 0; o < s.CountryCount; o++)
        {
            s.Dropped[o] += s.Measure.Dropouts[o];
        }

        Account();
    }

    /// <summary>
    /// The year's terms of the graduates' decisions, before the study pass of <paramref name="chunks"/> chunks: the
    /// return probability by [((origin * countries) + host country) * 2 + obligation], and zeroed sums per chunk.
    /// </summary>
    public void PrepareDecisions(int chunks)
    {
        accounts.Prepare(chunks);
        accountChunks = chunks;
        Array.Clear(counted);
        var entry = s.Settings.Entry;
        transitionBelow[(int)StudyLevel.Bachelor] = UniformDraw.WordsBelow(entry.MasterTransition);
        transitionBelow[(int)StudyLevel.Master] = UniformDraw.WordsBelow(entry.PhdTransition);
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
                    double p = Logistic.Sigmoid(x);
                    returnBelow[(((o * c) + h) * 2) + obligation] = double.IsNaN(p) ? 1UL << 32 : UniformDraw.WordsBelow(p);
                }
            }
        }
    }

    /// <summary>
    /// A batch of a chunk's graduates, in the order the study pass lists them: continue to the next level, or leave
    /// (abroad: return home or stay); each is then counted into its chunk's sums (<paramref name="sums"/>, from
    /// <see cref="Sums"/>) and counts (<paramref name="counts"/>, <see cref="CountWidth"/> ints, passed to
    /// <see cref="AddCounts"/> at the chunk's end). Their draws are words 1 (transition) and 2 (return) of their year's
    /// study stream, whose block the study pass computed already (<see cref="Study"/>); each graduate's decision reads
    /// and changes only its own slot.
    /// </summary>
    public void Graduate(ReadOnlySpan<int> graduates, ReadOnlySpan<uint> transitionWords, ReadOnlySpan<uint> returnWords, double[] sums, Span<int> counts)
    {
        var st = s.Students;
        var countryOf = s.Universities.Country;
        int c = this.c;
        var levelOf = st.Level;
        var statusOf = st.Status;
        var flags = st.Flags;
        var hostOf = st.Host;
        var origin = st.Origin;
        var skillOf = st.Skill;
        var yearInProgramme = st.YearInProgramme;
        var funding = st.Funding;
        var obligation = st.Obligation;
        var studiedInOf = st.AbroadCountry;
        var attitude = st.Attitude;
        var transitionBelow = this.transitionBelow;
        var returnBelow = this.returnBelow;

        // The layouts' offsets in locals: as properties of the fields they would be recomputed for every graduate.
        int skillAt = SkillAt, domesticSkillAt = DomesticSkillAt, residentAttitudeAt = ResidentAttitudeAt, mobileSkillAt = MobileSkillAt;
        int graduatesAtUniversity = GraduatesAtUniversity, graduatesAt = GraduatesAt, returneesAt = ReturneesAt, drainAt = DrainAt;
        int gainAt = GainAt, domesticAt = DomesticAt, studiedInAt = StudiedInAt, residentAt = ResidentAt;
        int mobileCountAt = MobileCountAt, mobileAlumniAt = MobileAlumniAt;
        for (int b = 0; b < graduates.Length; b++)
        {
            int i = graduates[b];
            int host = hostOf[i];
            int o = origin[i];
            float skill = skillOf[i];
            sums[skillAt + host] += skill;
            counts[graduatesAtUniversity + host]++;
            counts[graduatesAt + o]++;
            bool abroad = statusOf[i] == StudentStatus.DegreeAbroad;

            // Of(w) < rate exactly when w < WordsBelow(rate): the transition to the next level (none after a PhD).
            if (transitionWords[b] < transitionBelow[(byte)levelOf[i]])
            {
                levelOf[i]++;
                yearInProgramme[i] = 0;
                if (!abroad)
                {
                    flags[i] |= StudentPopulation.FlagNewLevel;
                    funding[i] = Funding.Self;
                }

                continue;
            }

            flags[i] |= FlagLeaves;
            int residence = o;
            if (abroad)
            {
                int h = countryOf[host];
                if (returnWords[b] >= returnBelow[(((o * c) + h) * 2) + (obligation[i] > 0 ? 1 : 0)])
                {
                    residence = h;
                    counts[drainAt + o]++;
                    counts[gainAt + h]++;
                }
                else
                {
                    counts[returneesAt + o]++;
                }
            }

            // The leaver becomes an alumnus living in its residence.
            int studiedIn = studiedInOf[i];
            if (studiedIn == StudentPopulation.NoCountry)
            {
                counts[domesticAt + o]++;
                sums[domesticSkillAt + o] += skill;
                continue;
            }

            int k = (o * c) + studiedIn;
            counts[mobileAlumniAt]++;
            counts[studiedInAt + k]++;
            if (residence == o)
            {
                counts[residentAt + k]++;
                sums[residentAttitudeAt + k] += attitude[i];
            }

            counts[mobileCountAt + residence]++;
            sums[mobileSkillAt + residence] += skill;
        }
    }

    /// <summary>
    /// Adds the year's sums over the graduates (chunk by chunk, in chunk order) and counts into the state and the year's
    /// measurement.
    /// </summary>
    private void Account()
    {
        var unis = s.Universities;
        var m = s.Measure;
        var t = accountTotal;
        var n = counted;
        accounts.Reduce(accountChunks, t);
        for (int i = 0; i < u; i++)
        {
            unis.GraduateSkillSum[i] = t[SkillAt + i];
            unis.GraduateCount[i] = n[GraduatesAtUniversity + i];
        }

        for (int o = 0; o < c; o++)
        {
            m.Graduates[o] += n[GraduatesAt + o];
            m.Returnees[o] += n[ReturneesAt + o];
            m.BrainDrain[o] += n[DrainAt + o];
            m.BrainGain[o] += n[GainAt + o];
            s.DomesticAlumni[o] += n[DomesticAt + o];
            s.DomesticAlumniSkill[o] += t[DomesticSkillAt + o];
            s.MobileResidentCount[o] += n[MobileCountAt + o];
            s.MobileResidentSkill[o] += t[MobileSkillAt + o];
            for (int h = 0; h < c; h++)
            {
                int k = (o * c) + h;
                s.AlumniStudiedIn[o, h] += n[StudiedInAt + k];
                s.ResidentAlumni[o, h] += n[ResidentAt + k];
                s.ResidentAlumniAttitude[o, h] += t[ResidentAttitudeAt + k];
            }
        }

        s.MobileAlumni += n[MobileAlumniAt];
    }
}
