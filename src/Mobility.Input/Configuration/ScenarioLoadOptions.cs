namespace Mobility.Input.Configuration;

/// <summary>What is layered over the scenario files.</summary>
public sealed class ScenarioLoadOptions
{
    /// <summary>
    /// <c>key=value</c> overrides, applied last, in order; keys are configuration paths with ':' separators
    /// (e.g. <c>degreeMobility:a0=-3</c>, <c>policies:nationalScholarship:bolashak:awardsPerYear=3000</c>).
    /// </summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>
    /// The environment to read <c>MOBILITY_*</c> variables from; null reads the process environment
    /// (tests pass a dictionary so that they do not depend on, or change, the process's variables).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
