namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;
using Mobility.Model.World;

/// <summary>
/// The pair constants a posterior draw implies (docs/uncertainty.md, "Pair constants"): the calibration's inversion run
/// with the draw's coefficients from the reference's constants, and, where the reference predicts its member pairs
/// without a figure by a rule (the shipped baseline: the host's level), that rule applied to the draw's own fitted
/// constants and the rest inverted again around them, as <c>calibrate --pair-constants --unobserved-constant</c> does.
/// Without the second step a draw would keep the reference's levels for those pairs while its fitted pairs move.
/// </summary>
public static class DrawPairConstants
{
    /// <summary>The draw's constants after the first inversion (<see cref="First"/>) and after the rule's second step (<see cref="Final"/>, the same without one).</summary>
    public sealed record Derived(PairInversionResult First, PairInversionResult Final);

    /// <param name="inversion">The inversion with the draw's coefficients.</param>
    /// <param name="rule">The reference's rule for pairs without a figure; <see cref="UnfittedPairPrediction.Zero"/> or
    /// <paramref name="memberPairs"/> null: no second step (the reference's constants of those pairs are kept).</param>
    public static Derived For(
        PairInversion inversion, IReadOnlyList<Observation> targets, IReadOnlyDictionary<CountryPair, double> reference,
        WorldData world, IReadOnlyCollection<CountryPair>? memberPairs, UnfittedPairPrediction rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inversion);
        var first = inversion.Run(targets, reference, cancellationToken: cancellationToken);
        if (memberPairs is null || rule == UnfittedPairPrediction.Zero)
        {
            return new Derived(first, first);
        }

        var final = inversion.SecondStep(targets, first, new PairCovariates(world, false, false), memberPairs, cancellationToken: cancellationToken, rule: rule);
        return new Derived(first, final);
    }
}
