namespace Mobility.Experiments.Equivalence;

/// <summary>One tested quantity: a metric of a country in a year of a scenario.</summary>
public readonly record struct EquivalenceKey(string Scenario, string Country, string Metric, int Year);
