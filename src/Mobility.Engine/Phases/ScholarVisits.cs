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
    private readonly double[] baseLogit;

    public ScholarVisits(SimulationState state, ChoiceTables tables)
    {
        s = state;
        this.tables = tables;
        c = state.CountryCount;
        u = state.Universities.Count;
        partial = new PartialSums((c * c) + (2 * u));
        total = new double[(c * c) + (2 * u)];
        baseLogit = new double[c];
    }

    public void Run()
    {
        var sc = s.Scholars;
        var k = s.Settings.Scholars;
        var tables = this.tables;
        var unis = s.Universities;
        float keep = (float)(1 - k.LinkDecay);
        int chunks = ChunkedParallel.ChunkCount(sc.Count);
        partial.Prepare(chunks);
        int linksAt = c * c;
        int visitingAt = linksAt + u;
        FillBaseLogits();
        s.Parallel.For(sc.Count, (chunk, start, end) =>
        {
            var sums = partial.Slot(chunk);
            Span<int> deciders = stackalloc int[PhiloxBatch.Size];
            Span<int> ids = stackalloc int[PhiloxBatch.Size];
            Span<uint> r0 = stackalloc uint[PhiloxBatch.Size], r1 = stackalloc uint[PhiloxBatch.Size];
            Span<uint> r2 = stackalloc uint[PhiloxBatch.Size], r3 = stackalloc uint[PhiloxBatch.Size];
            Span<double> x = stackalloc double[PhiloxBatch.Size], uniform = stackalloc double[PhiloxBatch.Size];
            Span<bool> visits = stackalloc bool[PhiloxBatch.Size];
            for (int batch = start; batch < end; batch += PhiloxBatch.Size)
            {
                int batchEnd = Math.Min(end, batch + PhiloxBatch.Size);

                // The year's decisions of the batch's scholars at home, together: their first Philox blocks (the
                // stream's first two draws: the decision's uniform, then the host's), and the logistic comparisons
                // with a vectorised exp (bit for bit the scalar ones, Logistic.Decide).
                int m = 0;
                for (int i = batch; i < batchEnd; i++)
                {
                    sc.Links[i] *= keep;
                    if (sc.Host[i] >= 0 && --sc.VisitYearsLeft[i] == 0)
                    {
                        sc.Host[i] = -1;
                    }

                    if (sc.Host[i] < 0)
                    {
                        deciders[m] = i;
                        ids[m] = sc.Id[i];
                        x[m] = baseLogit[sc.Country[i]] + (k.HProductivity * (sc.Productivity[i] - 0.5));
                        m++;
                    }
                }

                PhiloxBatch.FirstBlocks(s.Seed, s.Year, Purpose.ScholarVisit, ids[..m], r0, r1, r2, r3);
                for (int j = 0; j < m; j++)
                {
                    uniform[j] = UniformDraw.Of(r0[j]);
                }

                Logistic.Decide(x[..m], uniform[..m], visits);
                int next = 0;
                for (int i = batch; i < batchEnd; i++)
                {
                    int o = sc.Country[i];
                    if (next < m && deciders[next] == i)
                    {
                        var table = tables.Scholar[(o * 2) + (sc.Flags[i] & 1)];
                        if (table.Count > 0 && visits[next])
                        {
                            int host = table.Sample(UniformDraw.Of(r1[next]));
                            sc.Host[i] = (short)host;
                            sc.VisitYearsLeft[i] = 1;
                            sc.Links[i] += 1;
                            sums[(o * c) + unis.Country[host]] += 1;
                            sums[linksAt + host] += 1;
                        }

                        next++;
                    }

                    sums[linksAt + sc.University[i]] += sc.Links[i];
                    if (sc.Host[i] >= 0)
                    {
                        sums[visitingAt + sc.Host[i]] += 1;
                    }
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

    /// <summary>
    /// Each origin's terms of the visit logit this year, into <see cref="baseLogit"/>, summed in the formula's order (so
    /// that adding the productivity term gives the same double as the whole sum): h0 + hGrant*grantAvailable +
    /// hAgreement*agreementShare + hJoint*jointShare.
    /// </summary>
    private void FillBaseLogits()
    {
        var k = s.Settings.Scholars;
        var p = s.Policies;
        for (int o = 0; o < c; o++)
        {
            baseLogit[o] = k.H0 + (k.HGrant * p.ScholarGrantAvailability[o]) + (k.HAgreement * tables.AgreementShare[o])
                + (k.HJoint * p.JointShare[o]);
        }
    }
}
