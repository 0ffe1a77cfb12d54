namespace Mobility.Engine.Measurement;

using Mobility.Engine.State;
using Mobility.Model.Metrics;

/// <summary>
/// Turns a reported year's state into tidy records (persons, not agents): the formulas of the measured metrics of
/// <see cref="MetricCatalogue"/>, one <c>Add</c> each, in the catalogue's order.
/// </summary>
internal sealed class MetricsCollector
{
    private readonly SimulationState s;

    public MetricsCollector(SimulationState state)
    {
        s = state;
    }

    public List<MetricRecord> Metrics { get; } = [];

    public List<FlowRecord> Flows { get; } = [];

    public List<StockRecord> Stocks { get; } = [];

    public List<StockRecord> ScholarshipHolders { get; } = [];

    public List<UniversityRecord> Universities { get; } = [];

    public void Collect()
    {
        var m = s.Measure;
        var codes = s.Countries.Select(x => x.Code).ToArray();
        int year = s.Year;
        int c = s.CountryCount;
        double k = s.Scale;
        var u = s.Universities;

        for (int o = 0; o < c; o++)
        {
            for (int h = 0; h < c; h++)
            {
                AddFlow(year, codes[o], codes[h], FlowKinds.Degree, m.DegreeFlows[o, h] * k);
                AddFlow(year, codes[o], codes[h], FlowKinds.Credit, m.CreditFlows[o, h] * k);
                AddFlow(year, codes[o], codes[h], FlowKinds.Scholar, m.ScholarFlows[o, h] * k);
                AddFlow(year, codes[o], codes[h], FlowKinds.NationalScholarship, m.NationalScholarshipFlows[o, h] * k);
                AddFlow(year, codes[o], codes[h], FlowKinds.Quota, m.QuotaFlows[o, h] * k);
                if (m.Stocks[o, h] > 0)
                {
                    Stocks.Add(new StockRecord(year, codes[o], codes[h], m.Stocks[o, h] * k));
                }

                if (m.ScholarshipHolders[o, h] > 0)
                {
                    ScholarshipHolders.Add(new StockRecord(year, codes[o], codes[h], m.ScholarshipHolders[o, h] * k));
                }
            }
        }

        for (int i = 0; i < u.Count; i++)
        {
            if (!u.Active[i])
            {
                continue;
            }

            double staffIntlShare = u.Data[i, (int)Model.World.Indicator.InternationalFaculty] / 100 * s.Settings.Rankings.FullScoreIntlFacultyShare;
            Universities.Add(new UniversityRecord(
                year,
                u.Id[i],
                codes[u.Country[i]],
                u.Composite[i],
                u.IsAggregate[i] ? null : u.WorldRank[i],
                u.Students[i] * k,
                u.ForeignStudents[i] * k,
                (u.VisitingScholars[i] * k) + (staffIntlShare * u.Staff[i])));
        }

        var regionalImage = new double[c];
        var globalImage = new double[c];
        for (int h = 0; h < c; h++)
        {
            double regional = 0, regionalWeight = 0, global = 0, globalWeight = 0;
            for (int o = 0; o < c; o++)
            {
                if (o == h)
                {
                    continue;
                }

                double pop = s.Countries[o].Population;
                global += pop * s.Image[o, h];
                globalWeight += pop;
                if (s.IsMember[o])
                {
                    regional += pop * s.Image[o, h];
                    regionalWeight += pop;
                }
            }

            regionalImage[h] = regionalWeight > 0 ? regional / regionalWeight : 0;
            globalImage[h] = globalWeight > 0 ? global / globalWeight : 0;
        }

        var w = s.Settings.SoftPower;
        for (int x = 0; x < c; x++)
        {
            double inbound = 0, outbound = 0, outboundRegional = 0, degreeOut = 0, creditOut = 0, scholarsOut = 0, scholarsIn = 0, degreeIn = 0;
            for (int y = 0; y < c; y++)
            {
                if (y == x)
                {
                    continue;
                }

                inbound += m.Stocks[y, x];
                outbound += m.Stocks[x, y];
                outboundRegional += s.IsMember[y] ? m.Stocks[x, y] : 0;
                degreeOut += m.DegreeFlows[x, y];
                degreeIn += m.DegreeFlows[y, x];
                creditOut += m.CreditFlows[x, y];
                scholarsOut += m.ScholarFlows[x, y];
                scholarsIn += m.ScholarFlows[y, x];
            }

            int bestRank = int.MaxValue, top500 = 0, top1000 = 0;
            for (int i = 0; i < u.Count; i++)
            {
                // Branch campuses are not the host's own universities: their scores start from the parent's reputation,
                // and counting them would hand the parent's rank to the host on opening (docs/ODD.md section 9).
                if (u.Country[i] != x || u.IsAggregate[i] || !u.Active[i] || u.Opens[i] != int.MinValue)
                {
                    continue;
                }

                bestRank = Math.Min(bestRank, u.WorldRank[i]);
                top500 += u.WorldRank[i] <= 500 ? 1 : 0;
                top1000 += u.WorldRank[i] <= 1000 ? 1 : 0;
            }

            double returnees = m.Returnees[x], drain = m.BrainDrain[x];
            double revenue = m.RevenueUsd[x] * k;
            double inboundPersons = inbound * k;
            double rankComponent = bestRank == int.MaxValue ? 0 : Math.Clamp(1 - (Math.Log(bestRank) / Math.Log(w.WorstRank)), 0, 1);
            double weights = w.RegionalImage + w.GlobalImage + w.Rankings + w.InboundStudents + w.ExportRevenue;
            double softPower = weights <= 0 ? 0 : ((w.RegionalImage * regionalImage[x]) + (w.GlobalImage * globalImage[x])
                + (w.Rankings * rankComponent)
                + (w.InboundStudents * inboundPersons / (inboundPersons + w.InboundReference))
                + (w.ExportRevenue * revenue / (revenue + w.RevenueReferenceUsd))) / weights;

            string code = codes[x];
            Add(year, code, MetricCatalogue.RegionalImage, regionalImage[x]);
            Add(year, code, MetricCatalogue.GlobalImage, globalImage[x]);
            Add(year, code, MetricCatalogue.InboundStudents, inboundPersons);
            Add(year, code, MetricCatalogue.OutboundStudents, outbound * k);
            Add(year, code, MetricCatalogue.IntraRegionalShare, outbound > 0 ? outboundRegional / outbound : 0);
            Add(year, code, MetricCatalogue.DegreeOutflow, degreeOut * k);
            Add(year, code, MetricCatalogue.DegreeInflow, degreeIn * k);
            Add(year, code, MetricCatalogue.CreditOutflow, creditOut * k);
            Add(year, code, MetricCatalogue.ScholarVisitsOut, scholarsOut * k);
            Add(year, code, MetricCatalogue.ScholarVisitsIn, scholarsIn * k);
            Add(year, code, MetricCatalogue.HumanCapital, (s.DomesticAlumniSkill[x] + s.MobileResidentSkill[x]) * k);
            Add(year, code, MetricCatalogue.IntlHumanCapital, s.MobileResidentSkill[x] * k);
            Add(year, code, MetricCatalogue.Returnees, returnees * k);
            Add(year, code, MetricCatalogue.BrainDrain, drain * k);
            Add(year, code, MetricCatalogue.BrainGain, m.BrainGain[x] * k);
            Add(year, code, MetricCatalogue.ReturnRate, returnees + drain > 0 ? returnees / (returnees + drain) : 0);
            Add(year, code, MetricCatalogue.ExportRevenueUsd, revenue);
            Add(year, code, MetricCatalogue.BestRank, bestRank == int.MaxValue ? 0 : bestRank);
            Add(year, code, MetricCatalogue.UniversitiesTop500, top500);
            Add(year, code, MetricCatalogue.UniversitiesTop1000, top1000);
            Add(year, code, MetricCatalogue.SoftPowerScore, softPower);
            Add(year, code, MetricCatalogue.DomesticStudents, m.DomesticStudents[x] * k);
            Add(year, code, MetricCatalogue.Graduates, m.Graduates[x] * k);
            Add(year, code, MetricCatalogue.Dropouts, m.Dropouts[x] * k);
            Add(year, code, MetricCatalogue.InvestmentCostUsd, s.Policies.InvestmentCostUsd[x]);
        }
    }

    /// <summary>Records a metric's value; only a metric with a record in <see cref="MetricCatalogue"/> can be emitted.</summary>
    private void Add(int year, string country, Metric metric, double value) => Metrics.Add(new MetricRecord(year, country, metric.Name, value));

    private void AddFlow(int year, string origin, string destination, string kind, double persons)
    {
        if (persons > 0)
        {
            Flows.Add(new FlowRecord(year, origin, destination, kind, persons));
        }
    }
}
