namespace Mobility.Input.Priors;

using Mobility.Model.Uncertainty;

/// <summary>A priors file as loaded: the prior, the file's description, its full path and its bytes' SHA-256 (to recognise it on resume).</summary>
public sealed record LoadedPriors(JointPrior Prior, string Description, string Path, string Sha256);
