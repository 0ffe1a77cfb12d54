namespace Mobility.Engine.Phases;

using Mobility.Engine.Choice;
using Mobility.Engine.Numerics;
using Mobility.Engine.Random;
using Mobility.Engine.State;

/// <summary>
/// Step 9: a scholar at home visits a foreign university with probability
/// sigmoid(h0 + hGrant*grantAvailable + hAgreement*agreementShare + hJoint*jointShare + hProductivity*(productivity-0.5)),
/// choosing the host by a logit on research quality, language and distance. A visit (a semester or a year, one step)
/// adds a collaboration link; links decay as projects end. Links and visitors feed the host's and home's indicators.
/// </summary>
internal sealed class ScholarVisits
{
    private readonly SimulationState s;
    private readonly ChoiceTables tables;
    private readonly PartialSums partial;
    private readonly double[] total;
    private readonly int c;
    private readonly int u;

    public ScholarVisits(SimulationState state, ChoiceTables tables)
    {
        s = state;
        this.tables = tables;
        c = state.CountryCount;
        u = state.Universities.Count;
        partial = new PartialSums((c * c) + (2 * u));
        total = new double[(c * c) + (2 * u)];
    }

    public void Run()
    {
        var sc = s.Scholars;
        var k = s.Settings.Scholars;
        var p = s.Policies;
        var tables = this.tables;
        var unis = s.Universities;
        float keep = (float)(1 - k.LinkDecay);
        int chunks = ChunkedParallel.ChunkCount(sc.Count);
        partial.Prepare(chunks);
        int linksAt = c * c;
        int visitingAt = linksAt + u;
        s.Parallel.For(sc.Count, (chunk, start, end) =>
        {
            var sums = partial.Slot(chunk);
            for (int i = start; i < end; i++)
            {
                sc.Links[i] *= keep;
                if (sc.Host[i] >= 0 && --sc.VisitYearsLeft[i] == 0)
                {
                    sc.Host[i] = -1;
                }

                int o = sc.Country[i];
                if (sc.Host[i] < 0)
                {
                    double x = k.H0 + (k.HGrant * p.ScholarGrantAvailability[o]) + (k.HAgreement * tables.AgreementShare[o])
                        + (k.HJoint * p.JointShare[o]) + (k.HProductivity * (sc.Productivity[i] - 0.5));
                    var rng = new RandomStream(s.Seed, (uint)sc.Id[i], s.Year, Purpose.ScholarVisit);
                    var table = tables.Scholar[(o * 2) + (sc.Flags[i] & 1)];
                    if (table.Count > 0 && rng.NextDouble() < Logistic.Sigmoid(x))
                    {
                        int host = table.Sample(rng.NextDouble());
                        sc.Host[i] = (short)host;
                        sc.VisitYearsLeft[i] = 1;
                        sc.Links[i] += 1;
                        sums[(o * c) + unis.Country[host]] += 1;
                        sums[linksAt + host] += 1;
                    }
                }

                sums[linksAt + sc.University[i]] += sc.Links[i];
                if (sc.Host[i] >= 0)
                {
                    sums[visitingAt + sc.Host[i]] += 1;
                }
            }
        });
        partial.Reduce(chunks, total);
        for (int o = 0; o < c; o++)
        {
            for (int h = 0; h < c; h++)
            {
                s.Measure.ScholarFlows[o, h] = total[(o * c) + h];
            }
        }

        for (int i = 0; i < u; i++)
        {
            // Hosts keep part of the link a visit created: hosted visits this year count toward their network.
            unis.ScholarLinks[i] = total[linksAt + i];
            unis.VisitingScholars[i] = total[visitingAt + i];
        }
    }
}
