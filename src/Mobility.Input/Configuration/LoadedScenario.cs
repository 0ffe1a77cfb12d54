namespace Mobility.Input.Configuration;

using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>A scenario after layering, binding and validation, with the world it runs on.</summary>
/// <param name="Settings">The bound settings.</param>
/// <param name="WorldFolder">Absolute path of the world CSV folder (<c>scenario:world</c> resolved against the file that set it).</param>
/// <param name="World">The world loaded from <paramref name="WorldFolder"/>.</param>
/// <param name="Files">Absolute paths of the scenario files layered, root base first, the named scenario last.</param>
/// <param name="Configuration">Every resolved configuration leaf (files, environment, --set), sorted by key; for the manifest.</param>
public sealed record LoadedScenario(
    ScenarioSettings Settings,
    string WorldFolder,
    WorldData World,
    IReadOnlyList<string> Files,
    IReadOnlyDictionary<string, string> Configuration)
{
    public string Name => Settings.Scenario.Name;

    /// <summary>The scenario file named by the user (the top of the chain).</summary>
    public string ScenarioFile => Files[^1];
}
