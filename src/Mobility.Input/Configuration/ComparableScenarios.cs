namespace Mobility.Input.Configuration;

using Mobility.Input.World;

/// <summary>
/// Checks that scenarios can be compared year by year and country by country: the same reported horizon and the
/// same world data (by content, so that two copies of the same CSV files are one world).
/// </summary>
public static class ComparableScenarios
{
    /// <summary>Throws an <see cref="InputException"/> naming each scenario that differs from the reference, and how.</summary>
    public static void Check(IReadOnlyList<LoadedScenario> scenarios)
    {
        if (scenarios.Count == 0)
        {
            return;
        }

        LoadedScenario reference = scenarios[0];
        string referenceWorld = WorldFingerprint.Of(reference.WorldFolder);
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal) { reference.Name };
        foreach (LoadedScenario other in scenarios.Skip(1))
        {
            string pair = $"scenario '{other.Name}' ({PathDisplay.Of(other.ScenarioFile)}) and the reference '{reference.Name}' ({PathDisplay.Of(reference.ScenarioFile)})";
            var a = reference.Settings.Scenario;
            var b = other.Settings.Scenario;
            if (a.StartYear != b.StartYear)
            {
                problems.Add($"{pair} have different horizons: scenario:startYear is {b.StartYear} in '{other.Name}' but {a.StartYear} in '{reference.Name}'; compared scenarios must report the same years");
            }

            if (a.EndYear != b.EndYear)
            {
                problems.Add($"{pair} have different horizons: scenario:endYear is {b.EndYear} in '{other.Name}' but {a.EndYear} in '{reference.Name}'; compared scenarios must report the same years");
            }

            if (WorldFingerprint.Of(other.WorldFolder) != referenceWorld)
            {
                problems.Add($"{pair} run on different worlds: scenario:world is '{PathDisplay.Of(other.WorldFolder)}' in '{other.Name}' but '{PathDisplay.Of(reference.WorldFolder)}' in '{reference.Name}', and their CSV files differ; compared scenarios must share the world data");
            }

            if (!names.Add(other.Name))
            {
                problems.Add($"two compared scenarios are both named '{other.Name}' (scenario:name); give each a distinct name (e.g. {PathDisplay.Of(other.ScenarioFile)})");
            }
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
    }
}
