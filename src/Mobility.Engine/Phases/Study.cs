namespace Mobility.Engine.Phases;

using Mobility.Engine.Core;
using Mobility.Engine.Random;
using Mobility.Model.Agents;

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
    private readonly PartialSums partial;
    private readonly double[] total;
    private readonly int c;
    private readonly int u;

    public Study(SimulationState state)
    {
        s = state;
        c = state.CountryCount;
        u = state.Universities.Count;
        partial = new PartialSums(Width);
        total = new double[Width];
    }

    private int Width => (c * c) + (2 * u) + (3 * c);

    private int StudentsAt => c * c;

    private int ForeignAt => StudentsAt + u;

    private int DomesticAt => ForeignAt + u;

    private int DropoutsAt => DomesticAt + c;

    private int RevenueAt => DropoutsAt + c;

    public void Run()
    {
        var st = s.Students;
        var k = s.Settings.Study;
        var unis = s.Universities;
        var quality = unis.Composite;
        var semesterShare = s.Settings.CreditMobility.SemesterShare;
        int chunks = ChunkedParallel.ChunkCount(st.Count);
        partial.Prepare(chunks);
        s.Parallel.For(st.Count, (chunk, start, end) =>
        {
            var sums = partial.Slot(chunk);
            for (int i = start; i < end; i++)
            {
                int o = st.Origin[i];
                int host = st.Host[i];
                int h = unis.Country[host];
                var status = st.Status[i];
                bool abroad = status != StudentStatus.AtHome;
                var rng = new RandomStream(s.Seed, (uint)st.Id[i], s.Year, Purpose.Study);
                double exposure = status == StudentStatus.CreditAbroad && rng.NextDouble() < semesterShare ? 0.5 : 1.0;
                double q = quality[host];
                st.Skill[i] += (float)(k.S0 * (0.5 + (q / 100)) * (1 + (abroad ? k.SAbroad * exposure : 0)));
                if (abroad)
                {
                    double mean = s.Countries[h].Hospitality + (k.SatisfactionQualityWeight * (q - quality[st.Home[i]]) / 100);
                    double satisfaction = Math.Clamp(mean + (k.SatisfactionSd * rng.NextNormal()), 0, 1);
                    st.Attitude[i] += (float)(k.Eta * exposure * (satisfaction - st.Attitude[i]));
                    if (status == StudentStatus.DegreeAbroad)
                    {
                        sums[(o * c) + h] += 1;
                    }

                    double tuition = status == StudentStatus.DegreeAbroad ? unis.Tuition[host] : 0;
                    sums[RevenueAt + h] += (tuition + s.Countries[h].LivingCostUsd) * exposure;
                }
                else
                {
                    sums[DomesticAt + o] += 1;
                }

                sums[StudentsAt + host] += 1;
                if (h != o)
                {
                    sums[ForeignAt + host] += 1;
                }

                double hazard = k.DropoutHazard
                    * (st.Funding[i] == Funding.Self ? 1 : k.FundedDropoutFactor)
                    * (abroad ? k.AbroadDropoutFactor : 1);
                if (rng.NextDouble() < hazard)
                {
                    st.Flags[i] |= FlagRemoved;
                    sums[DropoutsAt + o] += 1;
                }
            }
        });
        partial.Reduce(chunks, total);

        var m = s.Measure;
        for (int o = 0; o < c; o++)
        {
            for (int h = 0; h < c; h++)
            {
                m.Stocks[o, h] = total[(o * c) + h];
            }

            m.DomesticStudents[o] = total[DomesticAt + o];
            m.Dropouts[o] = total[DropoutsAt + o];
            m.RevenueUsd[o] = total[RevenueAt + o];
        }

        for (int i = 0; i < u; i++)
        {
            unis.Students[i] = total[StudentsAt + i];
            unis.ForeignStudents[i] = total[ForeignAt + i];
        }
    }
}
