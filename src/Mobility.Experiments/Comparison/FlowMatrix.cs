namespace Mobility.Experiments.Comparison;

/// <summary>New degree students by origin (rows) and destination (columns) in the final year, mean over replications.</summary>
public sealed record FlowMatrix(string Scenario, int Year, IReadOnlyList<string> Origins, IReadOnlyList<string> Destinations, double[,] Persons)
{
    /// <summary>
    /// The mean final-year degree flows of a scenario: origins are the member countries, destinations every country
    /// that receives students from a member in any scenario (so that every scenario's matrix has the same columns).
    /// </summary>
    public static FlowMatrix MeanFinalYear(ComparisonRuns runs, int scenario)
    {
        var members = runs.Members;
        var receiving = new HashSet<string>(StringComparer.Ordinal);
        for (int s = 0; s < runs.Scenarios.Count; s++)
        {
            for (int r = 1; r <= runs.Replications; r++)
            {
                foreach (var f in runs.Outcome(s, r).FinalYearDegreeFlows)
                {
                    if (f.Persons > 0 && members.Contains(f.Origin))
                    {
                        receiving.Add(f.Destination);
                    }
                }
            }
        }

        string[] destinations = runs.Countries.Where(receiving.Contains).ToArray();
        var persons = new double[members.Count, destinations.Length];
        for (int r = 1; r <= runs.Replications; r++)
        {
            foreach (var f in runs.Outcome(scenario, r).FinalYearDegreeFlows)
            {
                int o = IndexOf(members, f.Origin), d = Array.IndexOf(destinations, f.Destination);
                if (o >= 0 && d >= 0)
                {
                    persons[o, d] += f.Persons / runs.Replications;
                }
            }
        }

        return new FlowMatrix(runs.Scenarios[scenario].Name, runs.FinalYear, members, destinations, persons);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
