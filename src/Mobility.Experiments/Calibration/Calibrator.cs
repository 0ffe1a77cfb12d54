namespace Mobility.Experiments.Calibration;

using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Mobility.Engine.Measurement;
using Mobility.Experiments.Runs;
using Mobility.Experiments.Sampling;
using Mobility.Model.Observations;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// Fits coefficients to observations by minimising <see cref="FitMetrics.Objective"/> (weighted mean squared log
/// error) of the mean over R replications. Every candidate is run with the same R seeds (common random numbers), so
/// differences between candidates are differences of coefficients, not of luck. The search evaluates the starting
/// values, screens the bounds with a Latin hypercube (one parallel batch), then refines the best point with
/// MathNet's Nelder-Mead simplex on logistic-transformed parameters (bounds can never be left) until the budget is
/// spent or the simplex converges. The best candidate ever evaluated is returned.
/// </summary>
public sealed class Calibrator
{
    private readonly WorldData world;
    private readonly Func<IReadOnlyList<double>, ScenarioSettings> settingsFor;
    private readonly IReadOnlyList<Observation> observations;
    private readonly IReadOnlyList<CalibrationParameter> parameters;
    private readonly CalibrationOptions options;
    private readonly List<CalibrationStep> log = [];
    private readonly Stopwatch clock = new();
    private double[] bestValues = [];
    private Fit? bestFit;
    private IProgress<CalibrationProgress>? progress;
    private CancellationToken cancellationToken;

    /// <param name="settingsFor">The scenario's settings with the parameters set to the given values (in parameter order).</param>
    public Calibrator(
        WorldData world,
        Func<IReadOnlyList<double>, ScenarioSettings> settingsFor,
        IReadOnlyList<Observation> observations,
        IReadOnlyList<CalibrationParameter> parameters,
        CalibrationOptions options)
    {
        if (parameters.Count == 0 || observations.Count == 0)
        {
            throw new ArgumentException("calibration needs at least one parameter and one observation");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Budget, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replications, 1);
        this.world = world;
        this.settingsFor = settingsFor;
        this.observations = observations;
        this.parameters = parameters;
        this.options = options;
    }

    /// <summary>Runs the replications of one candidate and measures its fit (no budget accounting).</summary>
    public static Fit Evaluate(
        WorldData world, ScenarioSettings settings, IReadOnlyList<Observation> observations, int replications, int threads, int? reportFrom,
        IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var runs = RunBatch.RunAll(Jobs(world, settings, replications, reportFrom).ToList(), threads, progress, cancellationToken);
        return Fit.Of(observations, runs);
    }

    /// <param name="initial">Starting values (clamped into the bounds); null for a parameter starts at the middle of its bounds.</param>
    public CalibrationResult Run(IReadOnlyList<double?> initial, IProgress<CalibrationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        this.progress = progress;
        this.cancellationToken = cancellationToken;
        clock.Restart();
        int d = parameters.Count;
        double[] start = parameters.Select((p, i) => initial.Count > i && initial[i] is double v
            ? Math.Clamp(v, p.Lower + (1e-6 * (p.Upper - p.Lower)), p.Upper - (1e-6 * (p.Upper - p.Lower)))
            : (p.Lower + p.Upper) / 2).ToArray();

        Fit initialFit = EvaluateBatch([start], "initial")[0];
        int screen = Math.Min(options.Budget - 1, (int)Math.Round(options.Budget * options.ScreenShare));
        if (screen > 0)
        {
            var points = LatinHypercube.Sample(screen, d, new Random(options.ScreenSeed))
                .Select(p => p.Select((q, i) => parameters[i].Lower + (q * (parameters[i].Upper - parameters[i].Lower))).ToArray())
                .ToArray();
            EvaluateBatch(points, "screen");
        }

        Refine();
        return new CalibrationResult(parameters, bestValues, bestFit!, initialFit, log);
    }

    private void Refine()
    {
        int left = options.Budget - log.Count;
        if (left <= 0)
        {
            return;
        }

        var objective = ObjectiveFunction.Value(u =>
        {
            if (log.Count >= options.Budget)
            {
                throw new BudgetSpentException();
            }

            var values = u.Select((x, i) => parameters[i].FromUnbounded(x)).ToArray();
            return EvaluateBatch([values], "refine")[0].Objective;
        });
        var guess = Vector<double>.Build.DenseOfEnumerable(bestValues.Select((x, i) => parameters[i].ToUnbounded(x)));

        // A step of 0.5 on the logistic scale moves a mid-range parameter by about an eighth of its range.
        var step = Vector<double>.Build.Dense(parameters.Count, 0.5);
        try
        {
            new NelderMeadSimplex(1e-4, left + 1).FindMinimum(objective, guess, step);
        }
        catch (Exception ex) when (ex is BudgetSpentException || ex.InnerException is BudgetSpentException || ex is MaximumIterationsException)
        {
            // The budget is spent; the best candidate so far is the result.
        }
    }

    private Fit[] EvaluateBatch(IReadOnlyList<double[]> candidates, string phase)
    {
        var jobs = new List<RunJob>();
        foreach (var values in candidates)
        {
            jobs.AddRange(Jobs(world, settingsFor(values), options.Replications, options.ReportFrom));
        }

        var results = RunBatch.RunAll(jobs, options.Threads, cancellationToken: cancellationToken);
        var fits = new Fit[candidates.Count];
        for (int c = 0; c < candidates.Count; c++)
        {
            RunResult[] runs = results.Skip(c * options.Replications).Take(options.Replications).ToArray();
            fits[c] = Fit.Of(observations, runs);
            if (bestFit is null || fits[c].Objective < bestFit.Objective)
            {
                bestFit = fits[c];
                bestValues = candidates[c].ToArray();
            }

            log.Add(new CalibrationStep(log.Count + 1, phase, candidates[c].ToArray(), fits[c].Objective, bestFit.Objective, fits[c].MedianAbsoluteLogRatio, clock.Elapsed));
            progress?.Report(new CalibrationProgress(log.Count, options.Budget, bestFit.Objective, phase, clock.Elapsed));
        }

        return fits;
    }

    /// <summary>The candidate's replications, seeded from <c>scenario:seed</c> as a comparison's are (<see cref="ReplicationSeeds"/>).</summary>
    private static IEnumerable<RunJob> Jobs(WorldData world, ScenarioSettings settings, int replications, int? reportFrom)
        => ReplicationSeeds.ForReplications(settings.Scenario.Seed, replications).Select(seed => new RunJob(world, settings, seed) { ReportFrom = reportFrom });

    private sealed class BudgetSpentException : Exception
    {
    }
}
