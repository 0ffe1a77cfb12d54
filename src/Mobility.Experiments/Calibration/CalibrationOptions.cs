namespace Mobility.Experiments.Calibration;

/// <summary>How hard to search: objective evaluations in all (each is <see cref="Replications"/> runs), and how to spend them.</summary>
public sealed record CalibrationOptions
{
    /// <summary>Objective evaluations in all: the starting point, the global screen and the local refinement.</summary>
    public int Budget { get; init; } = 60;

    /// <summary>Runs per evaluation (seeds derived from scenario:seed by <see cref="Runs.ReplicationSeeds"/>, the same for every candidate: common random numbers).</summary>
    public int Replications { get; init; } = 2;

    /// <summary>Share of the budget spent on the Latin hypercube screen (the rest refines the best point with Nelder-Mead).</summary>
    public double ScreenShare { get; init; } = 0.3;

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of the Latin hypercube (the simulations use the scenario's seed).</summary>
    public int ScreenSeed { get; init; } = 1;

    /// <summary>Report spin-up years from this year on (see <see cref="ObservationWindow"/>).</summary>
    public int? ReportFrom { get; init; }
}
