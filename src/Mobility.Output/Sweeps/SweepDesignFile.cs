namespace Mobility.Output.Sweeps;

/// <summary>
/// The keys of a design file, as bound by Microsoft.Extensions.Configuration (unknown keys are errors). See
/// docs/sweeps.md for the meaning of each key; <see cref="SweepDesignLoader"/> checks the values.
/// </summary>
public sealed class SweepDesignFile
{
    /// <summary>The base scenario file, relative to the design file's folder.</summary>
    public string? Scenario { get; set; }

    /// <summary>grid, random, lhs, sobol or morris.</summary>
    public string? Method { get; set; }

    public int Samples { get; set; }

    public int Replications { get; set; } = 1;

    public int Seed { get; set; } = 1;

    public double? Scale { get; set; }

    public int MorrisLevels { get; set; } = 4;

    public List<string> Metrics { get; set; } = [];

    public List<int> Years { get; set; } = [];

    public List<string> Countries { get; set; } = [];

    public List<string> Sets { get; set; } = [];

    public List<SweepParameterFile> Parameters { get; set; } = [];
}
