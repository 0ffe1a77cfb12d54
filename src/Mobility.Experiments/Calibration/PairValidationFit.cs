namespace Mobility.Experiments.Calibration;

/// <summary>
/// The predictions of a validation check (<see cref="PairValidation"/>): <see cref="Structural"/> with every pair
/// without a fitted constant at 0 (the structural model and the other pairs' constants), and, when the validation
/// was given the pair covariates, <see cref="Projected"/> with those pairs at Berry's second-step prediction
/// x(o,h) beta (<see cref="PairProjection"/>), from the same fitted constants. <see cref="Refits"/> lists each
/// check's refitted coefficients when the validation refits the structure (<see cref="StructureRefit"/>), else null.
/// </summary>
public sealed record PairValidationFit(Fit Structural, Fit? Projected, IReadOnlyList<RefittedStructure>? Refits = null);
