namespace Mobility.Experiments.Sensitivity;

using Mobility.Experiments.Sweeps;

/// <summary>The indices of one output: Sobol indices for a Sobol design, Morris measures for a Morris design.</summary>
/// <param name="Method">The design's method.</param>
/// <param name="Sobol">Sobol indices (sobol designs; else empty).</param>
/// <param name="Morris">Morris measures (morris designs; else empty).</param>
/// <param name="Points">Parameter points.</param>
/// <param name="Runs">Runs (points x replications).</param>
/// <param name="ReplicateNoiseShare">
/// With replications: the mean variance between the replicates of a point as a share of the variance of all runs.
/// Near 1, the output's run-to-run noise swamps the parameters' effects and the indices describe noise; null
/// without replications.
/// </param>
public sealed record SensitivityResult(
    SamplingMethod Method, IReadOnlyList<SobolIndex> Sobol, IReadOnlyList<MorrisIndex> Morris, int Points, int Runs, double? ReplicateNoiseShare = null);
