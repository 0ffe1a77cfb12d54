namespace Mobility.Experiments.Calibration;

using Mobility.Engine.Measurement;
using Mobility.Model.Observations;

/// <summary>
/// The simulated counterpart of an observation: a stock is the sum of <see cref="RunResult.Stocks"/> of the year over
/// the matching (origin, destination) pairs, a flow the sum of <see cref="RunResult.Flows"/> of the observation's flow
/// kind; "*" matches every country but the other side (students in their own country are never counted).
/// </summary>
public static class ObservationMatch
{
    public static double Simulated(RunResult run, Observation observation)
    {
        double sum = 0;
        if (observation.Kind == ObservationKind.Stock)
        {
            foreach (var s in run.Stocks)
            {
                if (s.Year == observation.Year && s.Origin != s.Destination && Matches(observation, s.Origin, s.Destination))
                {
                    sum += s.Students;
                }
            }
        }
        else
        {
            foreach (var f in run.Flows)
            {
                if (f.Year == observation.Year && f.Origin != f.Destination && f.Kind == observation.FlowKind && Matches(observation, f.Origin, f.Destination))
                {
                    sum += f.Persons;
                }
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
