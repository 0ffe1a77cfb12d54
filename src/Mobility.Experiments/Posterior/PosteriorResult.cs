namespace Mobility.Experiments.Posterior;

using Mobility.Model.Uncertainty;

/// <summary>
/// The outcome of an ABC-SMC run: every completed generation's population (each weighted at its own temperature), the
/// posterior (every generation reweighted to the final temperature and pooled by effective sample size:
/// <see cref="Temperatures.PooledWeights"/>), the per-generation diagnostics, why it stopped, and the simulations in all.
/// </summary>
public sealed record PosteriorResult(JointPrior Prior, IReadOnlyList<Population> Generations, Population Posterior, IReadOnlyList<GenerationRecord> Diagnostics, StopReason Stop, long Simulations)
{
    /// <summary>The final temperature: 1 is the posterior, above 1 a tempered posterior (wider than the posterior).</summary>
    public double Temperature => Diagnostics[^1].Temperature;
}
