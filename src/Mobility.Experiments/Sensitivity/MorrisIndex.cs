namespace Mobility.Experiments.Sensitivity;

/// <summary>
/// Morris screening measures of one parameter: the mean elementary effect <see cref="Mu"/>, the mean absolute
/// effect <see cref="MuStar"/> (Campolongo et al. 2007; with the bounds of its bootstrap 95% interval) and the
/// standard deviation <see cref="Sigma"/> of the effects (non-linearity or interactions), in output units per unit
/// of the parameter's range.
/// </summary>
public sealed record MorrisIndex(string Parameter, double Mu, double MuStar, double MuStarLow, double MuStarHigh, double Sigma, int Effects);
