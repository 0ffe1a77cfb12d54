namespace Mobility.Experiments.Calibration;

using System.Diagnostics;
using Mobility.Engine.Measurement;
using Mobility.Experiments.Runs;
using Mobility.Model.Metrics;
using Mobility.Model.Observations;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// Fits the origin-destination constants (<c>choice:pairShift</c> of the degree choice, and, one per product segment,
/// <c>creditMobility:pairShift</c> and <c>choice:scholarshipPairShift</c> to the credit and scholarship figures:
/// <see cref="Informs"/>) by the inversion used for discrete-choice demand
/// (Berry 1994): with every other coefficient fixed, each iteration runs the scenario (R replications with the same
/// seeds every time: common random numbers) and moves each pair's constant by a damped Newton step on the pair's
/// part of the objective, <c>sum_i w_i Huber(ln observed_i - ln simulated_i) + prior * delta^2 / 2</c> over the pair's
/// figures i, with d ln(simulated) / d delta = 1 (Berry's inversion for a logit): the step is
/// <c>(sum_i w_i psi(e_i) - prior * delta) / (sum_{|e_i| &lt;= c} w_i + prior)</c>, psi clipping an error at the Huber
/// scale c (so one wild figure cannot drag a pair), or the weighted mean error when every figure is beyond c; a log
/// error is 0 inside the range of several figures; a step is at most <see cref="PairInversionOptions.MaxStep"/>. The
/// prior term shrinks a constant toward 0, the structural model's prediction, in proportion to how little its figures
/// weigh; a pair with no figure keeps 0. The unit slope is the logit's for a small share; once a constant has moved,
/// the step divides by the pair's measured slope (the secant of its simulated level against its constant, bounded to
/// [0.25, 1.5]), because a pair that is a large share of its origin's choices, or whose host's seats bind, responds
/// less than one for one. A constant whose pair's simulated value does not respond (a full host) is bounded by
/// <see cref="PairInversionOptions.MaxShift"/>. The result is the best iterate by the objective, not the last.
/// </summary>
public sealed class PairInversion
{
    private readonly WorldData world;
    private readonly Func<IReadOnlyDictionary<CountryPair, double>, ScenarioSettings> settingsFor;
    private readonly PairInversionOptions options;

    /// <param name="settingsFor">The scenario's settings with the given pair constants (all others as the scenario sets them).</param>
    public PairInversion(WorldData world, Func<IReadOnlyDictionary<CountryPair, double>, ScenarioSettings> settingsFor, PairInversionOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replications, 1);
        this.world = world;
        this.settingsFor = settingsFor;
        this.options = options;
    }

    /// <summary>
    /// The constant a target informs, or null: a comparable, weighted figure about one origin and one destination
    /// informs that pair's constant of the choice it counts (<see cref="Segment"/>); one about all of one origin's
    /// students abroad or all of one host's foreign students, of degree students, informs that origin's or host's
    /// shift (<see cref="CountryPair.OriginTotal"/>, <see cref="CountryPair.HostTotal"/>).
    /// </summary>
    public static CountryPair? Informs(Observation o)
    {
        if (!o.Comparable || o.Weight <= 0 || Segment(o) is not PairSegment segment)
        {
            return null;
        }

        if (o.IsPair)
        {
            return new CountryPair(o.Origin, o.Destination, segment);
        }

        bool total = (o.Origin == Observation.AllCountries) != (o.Destination == Observation.AllCountries);
        return total && segment == PairSegment.Degree ? new CountryPair(o.Origin, o.Destination) : null;
    }

    /// <summary>Whether a target informs its pair's degree constant (<c>choice:pairShift</c>): a figure about one origin
    /// and one destination that counts degree students choosing that destination (enrolled, departures, entrants).</summary>
    public static bool InformsPair(Observation o) => Informs(o) is { IsTotal: false, Segment: PairSegment.Degree };

    /// <summary>Whether a target informs the shift of an origin's or a host's total (see <see cref="Informs"/>).</summary>
    public static bool InformsTotal(Observation o) => Informs(o) is { IsTotal: true };

    /// <summary>
    /// The choice whose students a figure counts: degree students (enrolled, departures, entrants, invitations),
    /// credit stays (credit) or national-scholarship holders (scholarship awards and holders); null for the rest
    /// (tertiary enrolment; quota placements, whose host the quota fixes, so no constant enters their choice).
    /// </summary>
    public static PairSegment? Segment(Observation o) => o.Kind switch
    {
        ObservationKind.Stock or ObservationKind.Departures => PairSegment.Degree,
        ObservationKind.Flow when o.FlowKind == FlowKinds.Degree => PairSegment.Degree,
        ObservationKind.Flow when o.FlowKind == FlowKinds.Credit => PairSegment.Credit,
        ObservationKind.Flow when o.FlowKind == FlowKinds.NationalScholarship => PairSegment.Scholarship,
        ObservationKind.ScholarshipHolders => PairSegment.Scholarship,
        _ => null,
    };

    /// <summary>
    /// Runs the iterations from <paramref name="start"/> (constants of pairs not in it start at 0) on the targets that
    /// <see cref="InformsPair"/>; every target is still measured (so the result's fit covers them all). Constants of
    /// pairs without an informing target are returned as they started.
    /// </summary>
    public PairInversionResult Run(
        IReadOnlyList<Observation> targets, IReadOnlyDictionary<CountryPair, double> start,
        IProgress<PairInversionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var delta = new Dictionary<CountryPair, double>(start);
        // The pairs' constants, and the shifts of the origin and host totals the options list (a total's figures pin
        // its origin's or host's students as a whole, so that the pair constants cannot move them to pairs without a figure).
        var byPair = targets.Select(o => (Figure: o, Key: Informs(o)))
            .Where(x => x.Key is { } key && (!key.IsTotal || options.Totals.ContainsKey(key)))
            .GroupBy(x => x.Key!.Value, x => x.Figure).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var pair in byPair.Keys)
        {
            delta.TryAdd(pair, pair.IsTotal ? options.Totals[pair] : 0);
        }

        var anchor = byPair.Keys.ToDictionary(p => p, p => p.IsTotal ? options.Totals[p] : 0);

        var log = new List<PairInversionStep>();
        Fit fit = Evaluate(targets, delta, cancellationToken);
        Fit initial = fit;
        Fit best = fit;
        var bestDelta = new Dictionary<CountryPair, double>(delta);

        // Per pair: the response of its simulated values to its constant, d ln(simulated) / d delta, measured by the
        // secant between the last two iterations (1 until a constant has moved): below 1 where the pair is a large
        // share of its origin's choices or its host's seats bind, so the logit's unit slope would under-step.
        var slope = byPair.Keys.ToDictionary(p => p, _ => 1.0);
        var previous = new Dictionary<CountryPair, (double Delta, double Level)>();

        // The pairs, the origin totals and the host totals take turns (block coordinate descent): a host's total and
        // the pair that makes up most of it (or an origin's total and its main pair) answer to nearly the same
        // figures, and stepping both at once would correct the same error twice and oscillate.
        // The credit and scholarship constants step at every iteration: no total and no degree constant answers to their figures.
        int[] blocks = byPair.Keys.Select(Block).Where(b => b >= 0).Distinct().Order().ToArray();
        int quiet = 0;
        var unresponsive = new HashSet<CountryPair>();
        for (int iteration = 1; iteration <= options.Iterations; iteration++)
        {
            var simulated = fit.AllRows.ToDictionary(r => r.Observation.Id, r => r.Simulated, StringComparer.Ordinal);
            double largest = 0;
            foreach (var (pair, figures) in byPair)
            {
                double level = Level(figures, simulated);
                if (previous.TryGetValue(pair, out var last) && Math.Abs(delta[pair] - last.Delta) >= MinSecantMove)
                {
                    slope[pair] = Math.Clamp((level - last.Level) / (delta[pair] - last.Delta), MinSlope, MaxSlope);
                }

                previous[pair] = (delta[pair], level);
                if (unresponsive.Contains(pair))
                {
                    continue;
                }

                // A constant whose figures still simulate no one after it moved by UnresponsiveMove (the choice has no
                // university of that destination: no Polish one among Bolashak's eligible top 200) is not identified:
                // it goes back to its anchor and stays there, rather than drifting to the bound.
                if (Math.Abs(delta[pair] - anchor[pair]) >= UnresponsiveMove && figures.All(o => simulated[o.Id] == 0))
                {
                    unresponsive.Add(pair);
                    largest = Math.Max(largest, Math.Abs(delta[pair] - anchor[pair]));
                    delta[pair] = anchor[pair];
                    continue;
                }

                int block = Block(pair);
                if (block >= 0 && block != blocks[(iteration - 1) % blocks.Length])
                {
                    continue;
                }

                // Newton step on the pair's part of the objective, sum_i w_i Huber(e_i) + prior delta^2 / 2, with
                // d ln(simulated) / d delta taken as 1 (a logit share far from 1): the gradient sums the figures'
                // clipped errors, the curvature counts the figures within the Huber scale. When every figure is
                // beyond it (far from the start), the step is the weighted mean error instead, at most MaxStep.
                // A pair's constant is shrunk toward 0 (the structural prediction), a total's shift toward where it
                // started (the scenario's): a host's total and its main pair can answer to conflicting figures (a
                // trend inside the pair), and without the pull the two would drift apart along the direction the
                // figures do not see.
                double prior = options.Prior, away = delta[pair] - anchor[pair];
                double gradient = -prior * away, curvature = prior, pull = 0, weight = 0;
                foreach (var o in figures)
                {
                    double error = -FitMetrics.RangeLogRatio(simulated[o.Id], o.Value, o.Upper);
                    gradient += o.Weight * Math.Clamp(error, -options.HuberScale, options.HuberScale);
                    curvature += Math.Abs(error) <= options.HuberScale ? o.Weight : 0;
                    pull += o.Weight * Math.Clamp(error, -options.MaxStep, options.MaxStep);
                    weight += o.Weight;
                }

                double newton = (curvature > prior ? gradient / curvature : (pull - (prior * away)) / (weight + prior)) / slope[pair];
                double step = options.Damping * Math.Clamp(newton, -options.MaxStep, options.MaxStep);
                double next = Math.Clamp(delta[pair] + step, -options.MaxShift, options.MaxShift);
                largest = Math.Max(largest, Math.Abs(next - delta[pair]));
                delta[pair] = next;
            }

            fit = Evaluate(targets, delta, cancellationToken);
            if (fit.Objective < best.Objective)
            {
                best = fit;
                bestDelta = new Dictionary<CountryPair, double>(delta);
            }

            log.Add(new PairInversionStep(iteration, fit.Objective, fit.MedianAbsoluteLogRatio, largest, clock.Elapsed));
            progress?.Report(new PairInversionProgress(iteration, options.Iterations, fit.Objective, largest, clock.Elapsed));
            // Converged when no block moved: a whole round of turns without a change above the tolerance.
            quiet = largest < options.Tolerance ? quiet + 1 : 0;
            if (quiet >= Math.Max(1, blocks.Length))
            {
                break;
            }
        }

        // The best iterate, not the last: with shares and seats shared between pairs the objective need not fall at every step.
        return new PairInversionResult(bestDelta, best, initial, log, byPair.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Observation>)kv.Value));
    }

    /// <summary>
    /// Berry's second step after <paramref name="first"/> (an inversion on <paramref name="targets"/>): each pair of
    /// <paramref name="unfitted"/> without a figure gets the prediction x beta of the fitted constants' regression on
    /// the pair covariates (<see cref="PairProjection.Complete"/>), and the other constants and the totals are inverted
    /// again around those, which stay fixed (no figure informs them): an added Uzbek pair to Korea takes students
    /// from the other Uzbek pairs and the origin's total, which the fitted constants must then restore. The
    /// calibration (for the member pairs without a figure) and the validation (for those and the held-out pairs) both run it.
    /// </summary>
    /// <param name="rule">x beta (<see cref="UnfittedPairPrediction.Projected"/>) or the slopes alone (<see cref="UnfittedPairPrediction.Slopes"/>).</param>
    /// <param name="unfittedWeight">Weight of the pairs without a figure, at constant 0, in the regression (<see cref="PairProjection.Complete"/>).</param>
    public PairInversionResult SecondStep(
        IReadOnlyList<Observation> targets, PairInversionResult first, PairCovariates covariates, IEnumerable<CountryPair> unfitted,
        IProgress<PairInversionProgress>? progress = null, CancellationToken cancellationToken = default, UnfittedPairPrediction rule = UnfittedPairPrediction.Projected,
        double unfittedWeight = 0)
        => Run(targets, PairProjection.Complete(covariates, first, unfitted, rule: rule, unfittedWeight: unfittedWeight), progress, cancellationToken);

    /// <summary>0 for a pair's degree constant, 1 for an origin's total, 2 for a host's total; -1 (every iteration) for a credit or scholarship constant.</summary>
    private static int Block(CountryPair key) => key.Segment != PairSegment.Degree ? -1 : !key.IsTotal ? 0 : key.Destination == Observation.AllCountries ? 1 : 2;

    /// <summary>How far a constant moves, its figures simulating no one, before it counts as unresponsive (a factor e^2 = 7.4).</summary>
    private const double UnresponsiveMove = 2.0;

    /// <summary>Smallest change of a constant from which its slope is re-measured (below it, sampling noise dominates).</summary>
    private const double MinSecantMove = 0.05;

    /// <summary>Bounds on a measured slope: a step is at most 1 / <see cref="MinSlope"/> times the logit's (and still at most MaxStep).</summary>
    private const double MinSlope = 0.25;

    private const double MaxSlope = 1.5;

    /// <summary>The pair's simulated level: the weighted mean of ln(simulated) over its figures (a simulated 0 counts as 1 person).</summary>
    private static double Level(Observation[] figures, IReadOnlyDictionary<string, double> simulated)
    {
        double sum = 0, weight = 0;
        foreach (var o in figures)
        {
            sum += o.Weight * Math.Log(Math.Max(1, simulated[o.Id]));
            weight += o.Weight;
        }

        return weight > 0 ? sum / weight : 0;
    }

    /// <summary>The fit of the scenario with the given constants (the others as the settings give them), with the inversion's runs.</summary>
    public Fit Measure(IReadOnlyList<Observation> targets, IReadOnlyDictionary<CountryPair, double> constants, CancellationToken cancellationToken = default)
        => Evaluate(targets, constants, cancellationToken);

    private Fit Evaluate(IReadOnlyList<Observation> targets, IReadOnlyDictionary<CountryPair, double> delta, CancellationToken cancellationToken)
    {
        var settings = settingsFor(delta);
        var jobs = ReplicationSeeds.ForReplications(settings.Scenario.Seed, options.Replications)
            .Select(seed => new RunJob(world, settings, seed) { ReportFrom = options.ReportFrom })
            .ToList();
        IReadOnlyList<RunResult> runs = RunBatch.RunAll(jobs, options.Threads, cancellationToken: cancellationToken);
        return Fit.Of(targets, runs);
    }
}
