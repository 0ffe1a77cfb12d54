namespace Mobility.Experiments.Comparison;

using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>One scenario of a comparison: its name (as shown in outputs), world and resolved settings.</summary>
public sealed record ComparisonScenario(string Name, WorldData World, ScenarioSettings Settings)
{
    /// <summary>
    /// In a comparison over a posterior, the settings under each draw (index d: <see cref="Settings"/> with draw d's
    /// coefficients); null otherwise.
    /// </summary>
    public IReadOnlyList<ScenarioSettings>? DrawSettings { get; init; }

    /// <summary>The settings replication <paramref name="replicate"/> (1-based) runs with.</summary>
    public ScenarioSettings SettingsFor(ComparisonDraws? draws, int replicate)
        => draws is null ? Settings : DrawSettings![draws.DrawOf(replicate)];
}
