namespace Mobility.Experiments.Equivalence;

/// <summary>
/// One engine's replicated results, as read from a comparison's runs: for every scenario, country, metric and year,
/// one value per replication, and the seed of every replication of every scenario.
/// </summary>
public sealed class ReplicatedValues
{
    private readonly Dictionary<EquivalenceKey, SortedDictionary<int, double>> values = [];
    private readonly Dictionary<string, SortedDictionary<int, ulong>> seeds = new(StringComparer.Ordinal);
    private readonly SortedSet<int> years = [];

    /// <summary>The scenarios present, in the order they were first added.</summary>
    public IReadOnlyList<string> Scenarios => [.. seeds.Keys];

    /// <summary>Every year that has a value, ascending.</summary>
    public IReadOnlyCollection<int> Years => years;

    /// <summary>
    /// Adds the value of replication <paramref name="replicate"/> (run with <paramref name="seed"/>); returns the
    /// problem, or null, when the replication already has a value for the key or another seed for the scenario.
    /// </summary>
    public string? Add(EquivalenceKey key, int replicate, ulong seed, double value)
    {
        if (!seeds.TryGetValue(key.Scenario, out var scenarioSeeds))
        {
            scenarioSeeds = [];
            seeds[key.Scenario] = scenarioSeeds;
        }

        if (scenarioSeeds.TryGetValue(replicate, out ulong known) && known != seed)
        {
            return $"replication {replicate} of scenario '{key.Scenario}' has two seeds ({known} and {seed})";
        }

        scenarioSeeds[replicate] = seed;
        if (!values.TryGetValue(key, out var byReplicate))
        {
            byReplicate = [];
            values[key] = byReplicate;
        }

        if (!byReplicate.TryAdd(replicate, value))
        {
            return $"replication {replicate} of scenario '{key.Scenario}' has two values of {key.Metric} for {key.Country} in {key.Year}";
        }

        years.Add(key.Year);
        return null;
    }

    /// <summary>The replications' values of a key in replication order (empty when there are none).</summary>
    public IReadOnlyList<double> Of(EquivalenceKey key) => values.TryGetValue(key, out var v) ? [.. v.Values] : [];

    /// <summary>The replications of a key, ascending (empty when there are none).</summary>
    public IReadOnlyList<int> ReplicatesOf(EquivalenceKey key) => values.TryGetValue(key, out var v) ? [.. v.Keys] : [];

    /// <summary>Replication number to seed for a scenario (empty when the scenario is absent).</summary>
    public IReadOnlyDictionary<int, ulong> SeedsOf(string scenario)
        => seeds.TryGetValue(scenario, out var s) ? s : new SortedDictionary<int, ulong>();
}
