namespace Mobility.Experiments.Sweeps;

/// <summary>How a sweep chooses its parameter points.</summary>
public enum SamplingMethod
{
    /// <summary>Every combination of levels (level lists, or <c>samples</c> evenly spaced values over each range, ends included).</summary>
    Grid,

    /// <summary><c>samples</c> independent uniform points.</summary>
    Random,

    /// <summary>A Latin hypercube of <c>samples</c> points.</summary>
    Lhs,

    /// <summary>The Saltelli scheme on a Sobol sequence: <c>samples</c> base rows, samples * (k + 2) points; for Sobol indices.</summary>
    Sobol,

    /// <summary><c>samples</c> Morris trajectories of k + 1 points on a p-level grid; for mu* and sigma.</summary>
    Morris,
}
