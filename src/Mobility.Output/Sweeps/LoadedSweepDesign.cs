namespace Mobility.Output.Sweeps;

using Mobility.Experiments.Sweeps;
using Mobility.Input.Configuration;

/// <summary>A checked design, with its base scenario loaded once (world included) for building the runs' settings.</summary>
/// <param name="Design">The design.</param>
/// <param name="DesignFile">The file it came from (absolute).</param>
/// <param name="Variants">The base scenario (with the design's scale and fixed sets) and its variants.</param>
public sealed record LoadedSweepDesign(SweepDesign Design, string DesignFile, ScenarioVariants Variants);
