namespace Mobility.Engine.Phases;

using Mobility.Engine.Core;
using Mobility.Engine.Random;
using Mobility.Model.Agents;
using Mobility.Model.Parameters;

/// <summary>
/// Step 7: a year of study. skill += s0*(0.5 + Q(u)/100)*(1 + sAbroad if abroad); abroad, a satisfaction draw
/// ~ Normal(hospitality(h) + w*(Q(u)-Q(home))/100, sd) moves attitude toward it at rate eta (half as much for a
/// semester's credit stay); a dropout hazard applies. The pass also measures enrolment: stocks (degree students, as
/// official statistics count them), head counts (degree and credit), revenue.
/// </summary>
internal sealed class Study
{
    public const byte FlagRemoved = 4;

    private readonly SimulationState s;
    /// <summary>Revenue by host country, per chunk: sums of doubles, reduced in chunk order.</summary>
    private readonly PartialSums revenue;
    private readonly double[] revenueTotal;

    /// <summary>Head counts of the year (layout below): exact integers, so chunks add them in any order.</summary>
    private readonly int[] heads;
    private readonly int c;
    private readonly int u;
    private readonly double[] baseGain;
    private readonly float[] homeGain;
    private readonly double[] hospitality;
    private readonly double[] livingCost;

    /// <summary>Dropout hazard by [(funded ? 2 : 0) + (abroad ? 1 : 0)].</summary>
    private readonly double[] hazard = new double[4];

    public Study(SimulationState state)
    {
        s = state;
        c = state.CountryCount;
        u = state.Universities.Count;
        revenue = new PartialSums(c);
        revenueTotal = new double[c];
        heads = new int[CountWidth];
        baseGain = new double[u];
        homeGain = new float[u];
        hospitality = new double[c];
        livingCost = new double[c];
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
                hazard[((1 - self) * 2) + abroad] = k.DropoutHazard
                    * (self == 1 ? 1 : k.FundedDropoutFactor)
                    * (abroad == 1 ? k.AbroadDropoutFactor : 1);
            }
        }
    }

    /// <summary>Head counts: stocks by [origin * countries + host country], students and foreign students by university, domestic students and dropouts by origin.</summary>
    private int CountWidth => (c * c) + (2 * u) + (2 * c);

    private int StudentsAt => c * c;

    private int ForeignAt => StudentsAt + u;

    private int DomesticAt => ForeignAt + u;

    private int DropoutsAt => DomesticAt + c;

    public void Run()
    {
        PrepareTables(s.Settings.Study);
        int chunks = ChunkedParallel.ChunkCount(s.Students.Count);
        revenue.Prepare(chunks);
        Array.Clear(heads);
        s.Parallel.For(s.Students.Count, (chunk, start, end) => StudyChunk(revenue.Slot(chunk), start, end));
        revenue.Reduce(chunks, revenueTotal);

        var unis = s.Universities;
        var m = s.Measure;
        for (int o = 0; o < c; o++)
        {
            for (int h = 0; h < c; h++)
            {
                m.Stocks[o, h] = heads[(o * c) + h];
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

    /// <summary>The year of study of the slots [start, end): head counts into <see cref="heads"/>, revenue by host country into <paramref name="revenueOf"/>.</summary>
    private void StudyChunk(double[] revenueOf, int start, int end)
    {
        // Everything the loop reads is in locals, so that the JIT can keep it in registers.
        var st = s.Students;
        var k = s.Settings.Study;
        var quality = s.Universities.Composite;
        var countryOf = s.Universities.Country;
        var tuitionOf = s.Universities.Tuition;
        double semesterShare = s.Settings.CreditMobility.SemesterShare;
        double sAbroad = k.SAbroad, eta = k.Eta, satisfactionWeight = k.SatisfactionQualityWeight, satisfactionSd = k.SatisfactionSd;
        var gain = baseGain;
        var homeGainOf = homeGain;
        var hazardOf = hazard;
        var hospitalityOf = hospitality;
        var livingCostOf = livingCost;
        int countries = c;
        int studentsAt = StudentsAt, foreignAt = ForeignAt, domesticAt = DomesticAt, dropoutsAt = DropoutsAt, width = CountWidth;
        ulong seed = s.Seed;
        int year = s.Year;
        var origin = st.Origin;
        var hostOf = st.Host;
        var homeOf = st.Home;
        var statusOf = st.Status;
        var id = st.Id;
        var skill = st.Skill;
        var attitude = st.Attitude;
        var funding = st.Funding;
        var flags = st.Flags;

        // Head counts as integers (exact, so the same as sums of 1.0), in two interleaved copies: neighbouring
        // slots often share origin and host, and one counter would make each student wait for the last one's store.
        Span<int> counts = stackalloc int[2 * width];
        Span<uint> r0 = stackalloc uint[PhiloxBatch.Size], r1 = stackalloc uint[PhiloxBatch.Size];
        Span<uint> r2 = stackalloc uint[PhiloxBatch.Size], r3 = stackalloc uint[PhiloxBatch.Size];
        for (int batch = start; batch < end; batch += PhiloxBatch.Size)
        {
            int batchEnd = Math.Min(end, batch + PhiloxBatch.Size);
            PhiloxBatch.FirstBlocks(seed, year, Purpose.Study, id.AsSpan(batch, batchEnd - batch), r0, r1, r2, r3);
            for (int i = batch; i < batchEnd; i++)
            {
                int b = i - batch;
                int o = origin[i];
                int host = hostOf[i];
                int h = countryOf[host];
                var status = statusOf[i];
                bool abroad = status != StudentStatus.AtHome;
                var count = counts.Slice((i & 1) * width, width);
                double dropoutDraw;
                if (abroad)
                {
                    var rng = new RandomStream(seed, (uint)id[i], year, Purpose.Study, r0[b], r1[b], r2[b], r3[b]);
                    double exposure = status == StudentStatus.CreditAbroad && rng.NextDouble() < semesterShare ? 0.5 : 1.0;
                    double q = quality[host];
                    skill[i] += (float)(gain[host] * (1 + (sAbroad * exposure)));
                    double mean = hospitalityOf[h] + (satisfactionWeight * (q - quality[homeOf[i]]) / 100);
                    double satisfaction = Math.Clamp(mean + (satisfactionSd * rng.NextNormal()), 0, 1);
                    attitude[i] += (float)(eta * exposure * (satisfaction - attitude[i]));
                    if (status == StudentStatus.DegreeAbroad)
                    {
                        count[(o * countries) + h]++;
                    }

                    double tuition = status == StudentStatus.DegreeAbroad ? tuitionOf[host] : 0;
                    revenueOf[h] += (tuition + livingCostOf[h]) * exposure;
                    dropoutDraw = rng.NextDouble();
                }
                else
                {
                    skill[i] += homeGainOf[host];
                    count[domesticAt + o]++;

                    // At home the dropout draw is the stream's first.
                    dropoutDraw = UniformDraw.Of(r0[b]);
                }

                count[studentsAt + host]++;
                if (h != o)
                {
                    count[foreignAt + host]++;
                }

                if (dropoutDraw < hazardOf[(funding[i] == Funding.Self ? 0 : 2) + (abroad ? 1 : 0)])
                {
                    flags[i] |= FlagRemoved;
                    count[dropoutsAt + o]++;
                }
            }
        }

        for (int j = 0; j < width; j++)
        {
            int n = counts[j] + counts[width + j];
            if (n != 0)
            {
                Interlocked.Add(ref heads[j], n);
            }
        }
    }
}
