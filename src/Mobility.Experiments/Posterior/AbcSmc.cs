namespace Mobility.Experiments.Posterior;

using Mobility.Model.Uncertainty;
using System.Diagnostics;
using MathNet.Numerics.Statistics;

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC, in the population Monte Carlo form of
/// Beaumont, Cornuet, Marin and Robert 2009, with the tolerances chosen adaptively as quantiles of the previous
/// generation's distances, as in Del Moral, Doucet and Jasra 2012 and pyABC; Toni et al. 2009 for the rejection of
/// proposals outside the prior).
/// <para>
/// Generation 0 draws N particles from the prior and simulates each. Generation t sets its tolerance eps_t to the
/// q-quantile of generation t-1's distances and fills N particles: a proposal picks a particle of t-1 by weight and
/// moves it with the <see cref="PerturbationKernel"/> (normal, twice the weighted covariance), drawing again (ancestor
/// included) until the proposal lies inside the prior's support; its simulation is accepted when its distance is at
/// most eps_t. An accepted particle's weight is prior(theta) / sum_j w_j K(theta | theta_j), normalised over the
/// generation. The last complete generation is the posterior.
/// </para>
/// <para>
/// Proposals are simulated in rounds, each one batch of <see cref="IParticleDistances"/>: round r proposes as many as
/// the acceptance rate seen so far says are needed, and the generation keeps the first N accepted in proposal order.
/// Proposal i of generation t takes its random numbers from the Philox streams keyed by (seed, t, i, attempt), so the
/// posterior depends on the seed only: not on the thread count, on the batching, or on the machines that simulate.
/// </para>
/// <para>
/// It stops at <see cref="AbcSmcOptions.MaxGenerations"/>; when the tolerance would shrink by less than
/// <see cref="AbcSmcOptions.MinToleranceDecrease"/>; when a generation would need more than N / MinAcceptance
/// simulations (acceptance-rate floor); or when it would exceed the simulation budget. An unfinished generation is
/// abandoned, never returned half-filled.
/// </para>
/// </summary>
public sealed class AbcSmc
{
    /// <summary>Proposals per round are the expected need times this margin, so that one round usually fills a generation.</summary>
    private const double RoundMargin = 1.15;

    private readonly JointPrior prior;
    private readonly IParticleDistances distances;
    private readonly AbcSmcOptions options;

    public AbcSmc(JointPrior prior, IParticleDistances distances, AbcSmcOptions options)
    {
        options.Validate();
        if (options.MaxSimulations is long budget && budget < options.Particles)
        {
            throw new ArgumentOutOfRangeException(nameof(options), budget, "the simulation budget must cover at least generation 0 (N simulations)");
        }

        this.prior = prior;
        this.distances = distances;
        this.options = options;
    }

    /// <summary>The seed of proposal <paramref name="index"/>'s simulation in <paramref name="generation"/>.</summary>
    public static ulong SimulationSeed(ulong seed, int generation, int index)
        => new ParticleStream(seed, generation, index, 0, StreamPurpose.SimulationSeed).NextUInt64();

    public PosteriorResult Run(IProgress<AbcSmcProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        int n = options.Particles;
        long simulations = 0;
        var generations = new List<Population>();
        var diagnostics = new List<GenerationRecord>();

        // Generation 0: the prior sample, every draw accepted.
        var thetas = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var stream = new ParticleStream(options.Seed, 0, i, 0, StreamPurpose.Prior);
            thetas[i] = stream.DrawFrom(prior);
        }

        double[] first = Evaluate(new ParticleBatch(0, 0, 0, thetas, Seeds(0, 0, n)), cancellationToken);
        simulations += n;
        var population = new Population(0, thetas, first, Enumerable.Repeat(1.0 / n, n).ToArray());
        generations.Add(population);
        diagnostics.Add(new GenerationRecord(0, first.Max(), n, n, 1, population.EffectiveSampleSize, 1, clock.Elapsed));
        progress?.Report(new AbcSmcProgress(0, options.MaxGenerations, n, n, simulations, diagnostics[^1].Tolerance, clock.Elapsed));

        StopReason stop = StopReason.Generations;
        for (int t = 1; t < options.MaxGenerations; t++)
        {
            GenerationRecord previous = diagnostics[^1];
            double tolerance = Statistics.Quantile(population.Distances, options.Quantile);
            if (!(tolerance < previous.Tolerance * (1 - options.MinToleranceDecrease)))
            {
                stop = StopReason.ToleranceStalled;
                break;
            }

            var kernel = new PerturbationKernel(population);
            var generation = Fill(t, tolerance, kernel, previous.AcceptanceRate, simulations, progress, clock, cancellationToken);
            simulations += generation.Simulations;
            if (generation.Stop is StopReason reason)
            {
                stop = reason;
                break;
            }

            double[][] accepted = generation.Thetas;
            double[] logWeights = accepted.Select(theta => prior.LogDensity(theta) - kernel.LogMixtureDensity(theta)).ToArray();
            double max = logWeights.Max();
            population = new Population(t, accepted, generation.Distances, logWeights.Select(w => Math.Exp(w - max)).ToArray());
            generations.Add(population);
            diagnostics.Add(new GenerationRecord(
                t, tolerance, generation.Simulations, n, n / (double)generation.Simulations, population.EffectiveSampleSize, generation.Rounds, clock.Elapsed));
        }

        return new PosteriorResult(prior, generations, diagnostics, stop, simulations);
    }

    private Generation Fill(
        int t, double tolerance, PerturbationKernel kernel, double previousAcceptance, long simulatedBefore,
        IProgress<AbcSmcProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        int n = options.Particles;
        long cap = (long)Math.Ceiling(n / options.MinAcceptance);
        var thetas = new List<double[]>(n);
        var kept = new List<double>(n);
        long simulated = 0;
        int next = 0;
        int round = 0;
        while (thetas.Count < n)
        {
            int needed = n - thetas.Count;
            double rate = round == 0
                ? options.Quantile * previousAcceptance
                : (thetas.Count + 0.5) / (simulated + 1);
            long room = cap - simulated;
            long budgetRoom = options.MaxSimulations is long budget ? budget - simulatedBefore - simulated : long.MaxValue;
            if (Math.Min(room, budgetRoom) < needed)
            {
                return new Generation([], [], simulated, round, budgetRoom < room ? StopReason.SimulationBudget : StopReason.AcceptanceFloor);
            }

            long wanted = (long)Math.Ceiling(needed / Math.Max(rate, options.MinAcceptance) * RoundMargin);
            int size = (int)Math.Min(Math.Min(wanted, room), Math.Min(budgetRoom, int.MaxValue - next));
            var proposals = new double[size][];
            for (int i = 0; i < size; i++)
            {
                proposals[i] = Propose(kernel, t, next + i);
            }

            double[] batch = Evaluate(new ParticleBatch(t, round, next, proposals, Seeds(t, next, size)), cancellationToken);
            for (int i = 0; i < size && thetas.Count < n; i++)
            {
                if (batch[i] <= tolerance)
                {
                    thetas.Add(proposals[i]);
                    kept.Add(batch[i]);
                }
            }

            simulated += size;
            next += size;
            round++;
            progress?.Report(new AbcSmcProgress(t, options.MaxGenerations, thetas.Count, n, simulatedBefore + simulated, tolerance, clock.Elapsed));
        }

        return new Generation(thetas.ToArray(), kept.ToArray(), simulated, round, null);
    }

    private double[] Propose(PerturbationKernel kernel, int generation, int index)
    {
        for (int attempt = 0; attempt < options.MaxAttempts; attempt++)
        {
            var stream = new ParticleStream(options.Seed, generation, index, attempt, StreamPurpose.Proposal);
            double[] theta = kernel.Propose(ref stream);
            if (prior.Contains(theta))
            {
                return theta;
            }
        }

        throw new InvalidOperationException(
            $"generation {generation}: {options.MaxAttempts} proposals in a row fell outside the prior's support; the population has collapsed onto its edge");
    }

    private double[] Evaluate(ParticleBatch batch, CancellationToken cancellationToken)
    {
        IReadOnlyList<double> result = distances.Evaluate(batch, cancellationToken);
        if (result.Count != batch.Count)
        {
            throw new InvalidOperationException($"the distance model returned {result.Count} distances for {batch.Count} proposals");
        }

        // A failed or undefined fit can never be accepted.
        return result.Select(d => double.IsNaN(d) ? double.PositiveInfinity : d).ToArray();
    }

    private IReadOnlyList<ulong> Seeds(int generation, int first, int count)
        => Enumerable.Range(first, count).Select(i => SimulationSeed(options.Seed, generation, i)).ToArray();

    private sealed record Generation(double[][] Thetas, double[] Distances, long Simulations, int Rounds, StopReason? Stop);
}
