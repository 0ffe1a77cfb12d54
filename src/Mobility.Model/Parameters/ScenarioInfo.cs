namespace Mobility.Model.Parameters;

/// <summary>What a scenario is, the years it covers and how finely it samples the population.</summary>
public sealed class ScenarioInfo
{
    public string Name { get; set; } = "unnamed";

    public string Description { get; set; } = "";

    /// <summary>Folder of the world CSV files, relative to the scenario file that sets it.</summary>
    public string World { get; set; } = "world";

    /// <summary>First reported year.</summary>
    public int StartYear { get; set; } = 2025;

    /// <summary>Last reported year (inclusive).</summary>
    public int EndYear { get; set; } = 2040;

    /// <summary>Years simulated before <see cref="StartYear"/> under the policies in force at the start; not reported.</summary>
    public int SpinUpYears { get; set; } = 8;

    /// <summary>Persons per agent (1 = one agent per person).</summary>
    public double Scale { get; set; } = 1;

    public ulong Seed { get; set; } = 1;

    /// <summary>
    /// How the calibration gave the degree constants of member pairs without a figure (the name of its
    /// <c>calibrate --unobserved-constant</c> rule, e.g. <c>all-host-means</c>; empty when not recorded). The engine
    /// does not read it; <c>fit --cross-validate</c> and <c>compare --posterior</c> predict such pairs by it.
    /// </summary>
    public string UnobservedConstant { get; set; } = "";

    /// <summary>A copy with another seed.</summary>
    public ScenarioInfo WithSeed(ulong seed)
    {
        var copy = (ScenarioInfo)MemberwiseClone();
        copy.Seed = seed;
        return copy;
    }
}
