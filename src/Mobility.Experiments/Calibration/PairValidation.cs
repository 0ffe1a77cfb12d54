namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;

/// <summary>
/// How well the pair constants predict figures they were not fitted to. Cross-validation by origin-destination pair:
/// the pairs with figures are dealt into K folds; for each fold every target about one of its pairs gets weight 0 (so
/// it informs nothing), the constants are inverted from 0 on the other folds' figures, and the fold's targets are
/// predicted. Out of time: the constants are inverted from 0 on the figures before a year and the later ones
/// predicted. Both start from 0 so that no constant fitted with a held-out figure enters; the global coefficients
/// are the scenario's. With the pair covariates, each check also predicts the pairs without a fitted constant by
/// Berry's second step (<see cref="PairProjection"/>), regressed on that check's fitted constants only. With a
/// <see cref="StructureRefit"/>, each check first refits a few global coefficients to its training figures with every
/// pair constant 0, and inverts the constants with those (an experiment: docs/calibration.md).
/// </summary>
public sealed class PairValidation
{
    private readonly PairInversion inversion;
    private readonly PairCovariates? covariates;
    private readonly IReadOnlyList<CountryPair> memberPairs;
    private readonly UnfittedPairPrediction rule;
    private readonly double unfittedWeight;
    private readonly StructureRefit? structure;

    /// <param name="covariates">The pair covariates for the second-step predictions, or null for the structural ones only.</param>
    /// <param name="memberPairs">The pairs the second step predicts whenever they have no training figure, besides
    /// the held-out ones: the member pairs the shipped baseline predicts (<see cref="PairProjection.MemberPairs"/>).</param>
    /// <param name="rule">The second step's prediction: x beta (<see cref="UnfittedPairPrediction.Projected"/>) or the
    /// slopes alone (<see cref="UnfittedPairPrediction.Slopes"/>); the same for the held-out and the member pairs.</param>
    /// <param name="unfittedWeight">Weight of the pairs without a training figure (held-out pairs included), at constant 0, in the second step's regression.</param>
    /// <param name="structure">The coefficients each check refits before its inversion (which then replaces <paramref name="inversion"/>), or null.</param>
    public PairValidation(
        PairInversion inversion, PairCovariates? covariates = null, IReadOnlyList<CountryPair>? memberPairs = null, UnfittedPairPrediction rule = UnfittedPairPrediction.Projected,
        double unfittedWeight = 0, StructureRefit? structure = null)
    {
        if (covariates is not null && rule == UnfittedPairPrediction.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "with covariates the second step predicts by them: Projected, Slopes or ShrunkSlopes");
        }

        this.inversion = inversion;
        this.covariates = covariates;
        this.memberPairs = memberPairs ?? [];
        this.rule = rule;
        this.unfittedWeight = unfittedWeight;
        this.structure = structure;
    }

    /// <summary>
    /// The pairs with figures, dealt into <paramref name="k"/> folds in a shuffled order (the same for the same seed).
    /// K at or above the number of pairs gives one fold per pair (leave one pair out): no fold is empty, and the
    /// folds no longer depend on the seed but for their order.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<CountryPair>> Folds(IReadOnlyList<Observation> targets, int k, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        var pairs = PairsWithFigures(targets);
        new Random(seed).Shuffle(pairs);
        int folds = Math.Min(k, pairs.Length);
        return Enumerable.Range(0, folds).Select(f => (IReadOnlyList<CountryPair>)pairs.Where((_, i) => i % folds == f).ToArray()).ToArray();
    }

    /// <summary>The origin-destination pairs that have a figure to fit a constant to, in code order: what the folds deal.</summary>
    public static CountryPair[] PairsWithFigures(IReadOnlyList<Observation> targets)
        => targets.Where(PairInversion.InformsPair).Select(o => new CountryPair(o.Origin, o.Destination)).Distinct()
            .OrderBy(p => p.Origin, StringComparer.Ordinal).ThenBy(p => p.Destination, StringComparer.Ordinal).ToArray();

    /// <summary>The targets a fold is fitted to: every target about a held-out pair weighs 0 and so informs nothing.</summary>
    public static IReadOnlyList<Observation> Training(IReadOnlyList<Observation> targets, IReadOnlyCollection<CountryPair> heldOut)
        => targets.Select(o => o.IsPair && heldOut.Contains(new CountryPair(o.Origin, o.Destination)) ? o with { Weight = 0 } : o).ToArray();

    /// <summary>Each held-out pair's targets predicted from its own fold; the fit covers the targets that inform a pair.</summary>
    public PairValidationFit CrossValidate(IReadOnlyList<Observation> targets, int k, int seed, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var predicted = new List<FitRow>();
        var projected = new List<FitRow>();
        var refits = new List<RefittedStructure>();
        var folds = Folds(targets, k, seed);
        for (int f = 0; f < folds.Count; f++)
        {
            progress?.Report($"cross-validation fold {f + 1}/{folds.Count} ({folds[f].Count} pairs held out)");
            var heldOut = folds[f].ToHashSet();
            var training = Training(targets, heldOut);
            var foldInversion = InversionFor(training, $"fold {f + 1}/{folds.Count}", refits, cancellationToken);
            var result = foldInversion.Run(training, new Dictionary<CountryPair, double>(), cancellationToken: cancellationToken);
            var second = Project(foldInversion, training, result, heldOut, cancellationToken);
            for (int i = 0; i < targets.Count; i++)
            {
                var o = targets[i];
                if (PairInversion.InformsPair(o) && heldOut.Contains(new CountryPair(o.Origin, o.Destination)))
                {
                    predicted.Add(result.Fit.AllRows[i] with { Observation = o });
                    if (second is not null)
                    {
                        projected.Add(second.AllRows[i] with { Observation = o });
                    }
                }
            }
        }

        return new PairValidationFit(Fit.Of(predicted), covariates is null ? null : Fit.Of(projected), structure is null ? null : refits);
    }

    /// <summary>The check's inversion: the given one, or, with a structure refit, one with the coefficients refitted to <paramref name="training"/> (recorded in <paramref name="refits"/>).</summary>
    private PairInversion InversionFor(IReadOnlyList<Observation> training, string check, List<RefittedStructure> refits, CancellationToken cancellationToken)
    {
        if (structure is null)
        {
            return inversion;
        }

        var refit = structure.Run(training, cancellationToken);
        refits.Add(new RefittedStructure(check, refit.Parameters, refit.Values, refit.Initial.Objective, refit.Fit.Objective));
        return structure.InversionWith(refit.Values);
    }

    /// <summary>
    /// Berry's second step on one check (<see cref="PairInversion.SecondStep"/>), as the shipped calibration runs it:
    /// the pairs <paramref name="unfitted"/> and the member pairs without a training figure get x beta of the
    /// regression on this check's fitted constants; the others are inverted again around them, and the training
    /// targets are measured with the result. Null without covariates.
    /// </summary>
    private Fit? Project(PairInversion inversion, IReadOnlyList<Observation> training, PairInversionResult result, IReadOnlyCollection<CountryPair> unfitted, CancellationToken cancellationToken)
        => covariates is null ? null
            : inversion.SecondStep(training, result, covariates, unfitted.Concat(memberPairs).Distinct(), cancellationToken: cancellationToken, rule: rule, unfittedWeight: unfittedWeight).Fit;

    /// <summary>The targets from <paramref name="from"/> on predicted by constants fitted to the earlier ones.</summary>
    public PairValidationFit OutOfTime(IReadOnlyList<Observation> targets, int from, CancellationToken cancellationToken = default)
    {
        var training = targets.Select(o => o.Year >= from ? o with { Weight = 0 } : o).ToArray();
        var refits = new List<RefittedStructure>();
        var checkInversion = InversionFor(training, $"before {from}", refits, cancellationToken);
        var result = checkInversion.Run(training, new Dictionary<CountryPair, double>(), cancellationToken: cancellationToken);
        // The pairs whose figures are all from `from` on have no fitted constant: the second step predicts them.
        var later = targets.Where(PairInversion.InformsPair).Select(o => new CountryPair(o.Origin, o.Destination)).ToHashSet();
        var second = Project(checkInversion, training, result, later, cancellationToken);
        Fit Later(Fit fit) => Fit.Of(targets.Select((o, i) => fit.AllRows[i] with { Observation = o }).Where(r => r.Observation.Year >= from).ToArray());
        return new PairValidationFit(Later(result.Fit), second is null ? null : Later(second), structure is null ? null : refits);
    }
}
