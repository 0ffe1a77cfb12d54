namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// A validation check's refit of a few global coefficients of the destination utility (e.g. <c>choice:bDistance</c>)
/// before its pair inversion, so that the structure alone (every pair constant 0) fits the check's training figures:
/// the held-out pairs get constant 0, so their prediction is the structure's, which the full-data fit never chose to
/// predict pairs on its own. The search is <see cref="Calibrator"/>'s (Latin hypercube, then Nelder-Mead, common random
/// numbers) on the training targets (a held-out figure weighs 0 and so sets nothing); the check's inversion then runs
/// with the refitted values (<see cref="InversionWith"/>). An experiment (docs/calibration.md, "Nested refit of the structure").
/// </summary>
public sealed class StructureRefit
{
    private readonly WorldData world;
    private readonly Func<IReadOnlyList<double>, ScenarioSettings> structureFor;
    private readonly Func<IReadOnlyList<double>, PairInversion> inversionWith;
    private readonly IReadOnlyList<double?> start;
    private readonly CalibrationOptions options;

    /// <param name="structureFor">The settings the search runs: the coefficients at the given values (in parameter order) and every pair constant 0 (possibly coarser than the inversion's).</param>
    /// <param name="inversionWith">The check's pair inversion with the coefficients at the given values.</param>
    /// <param name="start">Starting values (the scenario's); null starts at the middle of the bounds.</param>
    public StructureRefit(
        WorldData world, IReadOnlyList<CalibrationParameter> parameters, IReadOnlyList<double?> start, Func<IReadOnlyList<double>, ScenarioSettings> structureFor,
        Func<IReadOnlyList<double>, PairInversion> inversionWith, CalibrationOptions options)
    {
        if (parameters.Count == 0)
        {
            throw new ArgumentException("a structure refit needs at least one coefficient", nameof(parameters));
        }

        this.world = world;
        Parameters = parameters;
        this.start = start;
        this.structureFor = structureFor;
        this.inversionWith = inversionWith;
        this.options = options;
    }

    public IReadOnlyList<CalibrationParameter> Parameters { get; }

    /// <summary>The coefficients refitted to <paramref name="training"/> (figures of weight 0 set nothing).</summary>
    public CalibrationResult Run(IReadOnlyList<Observation> training, CancellationToken cancellationToken = default)
        => new Calibrator(world, structureFor, training, Parameters, options).Run(start, cancellationToken: cancellationToken);

    /// <summary>The pair inversion with the coefficients at <paramref name="values"/>.</summary>
    public PairInversion InversionWith(IReadOnlyList<double> values) => inversionWith(values);
}
