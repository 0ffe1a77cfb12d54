namespace Mobility.Experiments.Posterior;

/// <summary>What a <see cref="ParticleStream"/> is for; part of its counter, so the streams never overlap.</summary>
public enum StreamPurpose : uint
{
    /// <summary>Generation 0's draws from the prior.</summary>
    Prior = 1,

    /// <summary>Choosing an ancestor and perturbing it.</summary>
    Proposal = 2,

    /// <summary>The seed of the proposal's simulation.</summary>
    SimulationSeed = 3,

    /// <summary>Resampling a posterior into equally weighted draws (<see cref="PosteriorResampling"/>).</summary>
    Resampling = 4,

    /// <summary>Simulation-based calibration: a data set's true coefficients and seeds (<see cref="SimulationBasedCalibration"/>).</summary>
    Calibration = 5,
}
