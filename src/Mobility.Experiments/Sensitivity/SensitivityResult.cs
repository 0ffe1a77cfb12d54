namespace Mobility.Experiments.Sensitivity;

using Mobility.Experiments.Sweeps;

/// <summary>The indices of one output: Sobol indices for a Sobol design, Morris measures for a Morris design.</summary>
public sealed record SensitivityResult(SamplingMethod Method, IReadOnlyList<SobolIndex> Sobol, IReadOnlyList<MorrisIndex> Morris, int Points, int Runs);
