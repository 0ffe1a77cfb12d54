namespace Mobility.Experiments.Calibration;

using Mobility.Engine.Measurement;
using Mobility.Model.Metrics;
using Mobility.Model.Observations;

/// <summary>
/// The simulated counterpart of an observation (<see cref="ObservationKind"/>): a stock is the sum of
/// <see cref="RunResult.Stocks"/> of the year over the matching (origin, destination) pairs, scholarship holders the
/// same of <see cref="RunResult.ScholarshipHolders"/>, a flow the sum of <see cref="RunResult.Flows"/> of the
/// observation's flow kind, departures the degree and credit flows together, a country's enrolment its domestic plus
/// inbound students; "*" matches every country but the other side (students in their own country are never counted).
/// </summary>
public static class ObservationMatch
{
    public static double Simulated(RunResult run, Observation observation)
    {
        switch (observation.Kind)
        {
            case ObservationKind.Stock:
                return Sum(run.Stocks, observation);
            case ObservationKind.ScholarshipHolders:
                return Sum(run.ScholarshipHolders, observation);
            case ObservationKind.Enrolment:
                // The country's own students at home plus the foreign students it hosts.
                double enrolled = 0;
                foreach (var m in run.Metrics)
                {
                    if (m.Year == observation.Year && m.Country == observation.Destination
                        && (m.Metric == MetricCatalogue.DomesticStudents.Name || m.Metric == MetricCatalogue.InboundStudents.Name))
                    {
                        enrolled += m.Value;
                    }
                }

                return enrolled;
            default:
                double sum = 0;
                foreach (var f in run.Flows)
                {
                    bool kind = observation.Kind == ObservationKind.Departures
                        ? f.Kind == FlowKinds.Degree || f.Kind == FlowKinds.Credit
                        : f.Kind == observation.FlowKind;
                    if (kind && f.Year == observation.Year && f.Origin != f.Destination && Matches(observation, f.Origin, f.Destination))
                    {
                        sum += f.Persons;
                    }
                }

                return sum;
        }
    }

    private static double Sum(IReadOnlyList<StockRecord> stocks, Observation observation)
    {
        double sum = 0;
        foreach (var s in stocks)
        {
            if (s.Year == observation.Year && s.Origin != s.Destination && Matches(observation, s.Origin, s.Destination))
            {
                sum += s.Students;
            }
        }

        return sum;
    }

    /// <summary>Problems that make observations impossible to compare with a world (unknown country codes), one per row.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<Observation> observations, IReadOnlyCollection<string> countryCodes, string file)
    {
        var problems = new List<string>();
        var known = new HashSet<string>(countryCodes, StringComparer.OrdinalIgnoreCase);
        foreach (var o in observations)
        {
            foreach (var (side, code) in new[] { ("origin", o.Origin), ("destination", o.Destination) })
            {
                if (code != Observation.AllCountries && !known.Contains(code))
                {
                    problems.Add($"{file}:{o.Line}: {side} '{code}' of observation '{o.Id}' is not a country of the scenario's world; "
                        + "use one of its country codes or '*'");
                }
            }
        }

        return problems;
    }

    private static bool Matches(Observation o, string origin, string destination)
        => (o.Origin == Observation.AllCountries || o.Origin == origin) && (o.Destination == Observation.AllCountries || o.Destination == destination);
}
