namespace Mobility.Experiments.Comparison;

using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>One scenario of a comparison: its name (as shown in outputs), world and resolved settings.</summary>
public sealed record ComparisonScenario(string Name, WorldData World, ScenarioSettings Settings);
