namespace Mobility.Engine.Phases;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Mobility.Engine.Agents;
using Mobility.Engine.Choice;
using Mobility.Engine.Numerics;
using Mobility.Engine.Random;
using Mobility.Engine.State;
using Mobility.Model.Agents;

/// <summary>
/// Step 3: each member enrols a Bachelor cohort (enrolment x entry rate x trend). Master and PhD entrants are last
/// year's graduates who continued (flagged at graduation), so they need no new agents. Each batch of entrants then
/// makes step 4's degree decision (<see cref="MobilityDecisions.DecideEntrants"/>) while its columns are in cache.
/// </summary>
internal static class Entry
{
    private const float InitialAttitude = 0.5f;

    public static void Run(SimulationState s, ChoiceTables tables, MobilityDecisions decisions)
    {
        var students = s.Students;
        int c = s.CountryCount;

        // The cohorts first (slots and ids are consecutive, origin after origin), then one parallel loop over all
        // entrants: an entrant's values depend only on its id and origin, so how the loop is cut does not matter, and
        // one loop keeps both threads busy where a loop per origin ended each small cohort with one chunk.
        var firstOf = new int[c + 1];
        int firstSlot = students.Count, firstId = s.NextAgentId;
        for (int o = 0; o < c; o++)
        {
            firstOf[o] = students.Count - firstSlot;
            if (!s.IsMember[o])
            {
                continue;
            }

            int cohort = RandomStream.StochasticRound(
                s.Policies.CohortPersons[o] / s.Scale, s.Seed, NonAgentStreams.Cohort(o), s.Year);
            int first = students.Count;
            students.EnsureCapacity(first + cohort);
            s.NextAgentId += cohort;
            s.AgentsEntered += cohort;
            students.Count = first + cohort;
        }

        int total = students.Count - firstSlot;
        firstOf[c] = total;
        double englishLogit = EnglishSpeakers.Logit(s.Settings.Entry.EnglishShare);
        double englishSlope = s.Settings.Entry.EnglishSlope;
        decisions.BeginEntrants(firstSlot, ChunkedParallel.ChunkCount(total));
        s.Parallel.For(total, (chunk, start, end) =>
        {
            for (int o = 0; o < c; o++)
            {
                int from = Math.Max(start, firstOf[o]), to = Math.Min(end, firstOf[o + 1]);
                if (from < to)
                {
                    int offset = firstOf[o];
                    Enrol(s, decisions, chunk, firstSlot + offset, firstId + offset, (byte)o, tables.Home[o], englishLogit, englishSlope, from - offset, to - offset);
                }
            }
        });
    }

    /// <summary>
    /// Entrants first + start .. first + end - 1 (ids firstId + start ..), chunk <paramref name="chunk"/> of the pass:
    /// their four draws come from one batch of Philox blocks (ability, resources, English, home university), the English
    /// decisions from <see cref="Logistic.Decide"/>, and the columns are written one at a time (the constant ones as
    /// fills). Then each batch makes step 4's degree decision, its columns still in the first-level cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a few calls a year: it would run unoptimised for years
    private static void Enrol(
        SimulationState s, MobilityDecisions decisions, int chunk, int first, int firstId, byte origin, AliasTable home,
        double englishLogit, double englishSlope, int start, int end)
    {
        var st = s.Students;
        var b = new MobilityDecisions.Buffers(
            stackalloc int[PhiloxBatch.Size], stackalloc uint[PhiloxBatch.Size], stackalloc uint[PhiloxBatch.Size],
            stackalloc uint[PhiloxBatch.Size], stackalloc uint[PhiloxBatch.Size], stackalloc double[PhiloxBatch.Size],
            stackalloc double[PhiloxBatch.Size], stackalloc bool[PhiloxBatch.Size]);
        Span<uint> r0 = b.R0, r1 = b.R1, r2 = b.R2, r3 = b.R3;
        Span<double> x = b.X, u = b.U;
        Span<bool> english = b.Take;
        for (int k0 = start; k0 < end; k0 += PhiloxBatch.Size)
        {
            int n = Math.Min(PhiloxBatch.Size, end - k0);
            int at = first + k0;
            PhiloxBatch.FirstBlocks(s.Seed, s.Year, Purpose.Attributes, firstId + k0, n, r0, r1, r2, r3);
            var ability = st.Ability.AsSpan(at, n);
            var resources = st.Resources.AsSpan(at, n);
            var ids = st.Id.AsSpan(at, n);
            var homes = st.Home.AsSpan(at, n);
            var hosts = st.Host.AsSpan(at, n);
            int j = Avx512F.IsSupported ? Attributes(r0, r1, r2, n, englishLogit, englishSlope, ability, resources, x, u) : 0;
            for (; j < n; j++)
            {
                float a = (float)UniformDraw.Of(r0[j]);
                float r = (float)UniformDraw.Of(r1[j]);
                ability[j] = a;
                resources[j] = r;
                x[j] = EnglishSpeakers.LogitOf(englishLogit, englishSlope, a, r);
                u[j] = UniformDraw.Of(r2[j]);
            }

            for (j = 0; j < n; j++)
            {
                ids[j] = firstId + k0 + j;
                short university = (short)home.Sample(UniformDraw.Of(r3[j]));
                homes[j] = university;
                hosts[j] = university;
            }

            Logistic.Decide(x[..n], u[..n], english);
            var flags = st.Flags.AsSpan(at, n);
            for (j = 0; j < n; j++)
            {
                // Without the new-level flag: entrants make their degree decision here, not in step 4's pass.
                flags[j] = english[j] ? StudentPopulation.FlagEnglish : (byte)0;
            }

            decisions.DecideEntrants(chunk, at, firstId + k0, origin, ability, resources, flags, homes, b);
        }

        // The columns that every entrant starts with the same value in (as Initialise writes them).
        int from = first + start;
        int count = end - start;
        st.Origin.AsSpan(from, count).Fill(origin);
        st.Level.AsSpan(from, count).Fill(StudyLevel.Bachelor);
        st.Status.AsSpan(from, count).Fill(StudentStatus.AtHome);
        st.YearInProgramme.AsSpan(from, count).Clear();
        st.Funding.AsSpan(from, count).Fill(Funding.Self);
        st.Obligation.AsSpan(from, count).Clear();
        st.AbroadCountry.AsSpan(from, count).Fill(StudentPopulation.NoCountry);
        st.Skill.AsSpan(from, count).Clear();
        st.Attitude.AsSpan(from, count).Fill(InitialAttitude);
    }

    /// <summary>
    /// Ability, resources, the English logit and its uniform of the first entrants of a batch, eight at a time; returns
    /// how many it did. The vector forms of <see cref="UniformDraw.Of(uint)"/> and <see cref="EnglishSpeakers.LogitOf(double, double, double, double)"/>
    /// and the same conversions as the scalar loop, so the same bits.
    /// </summary>
    private static int Attributes(
        ReadOnlySpan<uint> r0, ReadOnlySpan<uint> r1, ReadOnlySpan<uint> r2, int n, double englishLogit, double englishSlope,
        Span<float> ability, Span<float> resources, Span<double> x, Span<double> u)
    {
        int j = 0;
        for (; j + 8 <= n; j += 8)
        {
            var a = Avx512F.ConvertToVector256Single(UniformDraw.Of(Vector256.Create(r0.Slice(j, 8))));
            var r = Avx512F.ConvertToVector256Single(UniformDraw.Of(Vector256.Create(r1.Slice(j, 8))));
            a.CopyTo(ability.Slice(j, 8));
            r.CopyTo(resources.Slice(j, 8));
            EnglishSpeakers.LogitOf(englishLogit, englishSlope, Avx512F.ConvertToVector512Double(a), Avx512F.ConvertToVector512Double(r)).CopyTo(x.Slice(j, 8));
            UniformDraw.Of(Vector256.Create(r2.Slice(j, 8))).CopyTo(u.Slice(j, 8));
        }

        return j;
    }

    public static void Initialise(
        StudentPopulation students, int i, int id, byte origin, short home, short host, StudyLevel level, float ability, float resources, bool english)
    {
        students.Id[i] = id;
        students.Origin[i] = origin;
        students.Home[i] = home;
        students.Host[i] = host;
        students.Level[i] = level;
        students.Status[i] = StudentStatus.AtHome;
        students.YearInProgramme[i] = 0;
        students.Funding[i] = Funding.Self;
        students.Obligation[i] = 0;
        students.AbroadCountry[i] = StudentPopulation.NoCountry;
        students.Flags[i] = english ? StudentPopulation.FlagEnglish : (byte)0;
        students.Ability[i] = ability;
        students.Resources[i] = resources;
        students.Skill[i] = 0;
        students.Attitude[i] = InitialAttitude;
    }
}
