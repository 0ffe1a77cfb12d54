namespace Mobility.Experiments.Posterior;

using Mobility.Model.Uncertainty;

/// <summary>
/// The outcome of an ABC-SMC run: every completed generation's population (the last is the posterior), the
/// per-generation diagnostics, why it stopped, and the simulations in all (abandoned generations included).
/// </summary>
public sealed record PosteriorResult(JointPrior Prior, IReadOnlyList<Population> Generations, IReadOnlyList<GenerationRecord> Diagnostics, StopReason Stop, long Simulations)
{
    public Population Posterior => Generations[^1];
}
