namespace Mobility.Experiments.Posterior;

using Mobility.Model.Uncertainty;
using System.Diagnostics;

/// <summary>
/// Annealed ABC-SMC with an explicit observation-error kernel: the approximate posterior is exact under the assumption
/// that the observations are the simulation plus an error of density k(y | x) = exp(-precision x distance) / Z
/// (Wilkinson 2013), and the sampler anneals that kernel from the prior to it (adaptive tempering: Del Moral, Doucet
/// and Jasra 2012; pyABC's temperature schemes). Each simulation is used with its weight rather than accepted or
/// rejected: the kernel density of one simulation is an unbiased estimate of the likelihood E_x[k(y | x)], so the
/// importance weights are exact in expectation (pseudo-marginal importance sampling; Wilkinson 2013's ABC importance
/// sampling with a kernel).
/// <para>
/// Generation 0 simulates N draws from the prior. Generation t proposes N particles from generation t-1: with
/// probability <see cref="AbcSmcOptions.PriorShare"/> a draw from the prior (a defensive mixture, Hesterberg 1995), else
/// an ancestor picked by weight, moved by the <see cref="PerturbationKernel"/> (normal, <see cref="AbcSmcOptions.KernelScale"/> times the
/// weighted covariance), drawn again until it lies inside the prior's support; each is simulated once. A particle's log weight is
/// ln prior(theta) - ln q_t(theta) + beta_t ln k(y | x), q_t that mixture's density (generation 0: the prior, so the
/// first term vanishes). Every generation is an importance sample of prior x likelihood^beta for any beta (its log
/// weights' two terms are kept), so all generations so far are reweighted to beta and pooled with weights proportional
/// to their effective sample sizes (<see cref="Temperatures.PooledWeights"/>; importance tempering, Gramacy, Samworth
/// and King 2010): the pool is the current estimate of the target, the kernel of the next generation is fitted to it,
/// and its ESS is the sum of the generations'. beta_t = 1 / T_t, the inverse temperature, is chosen after the
/// simulations as the largest value in [beta_{t-1}, 1] that keeps the pool's effective sample size at least
/// <see cref="AbcSmcOptions.EssFraction"/> x N (bisection; <see cref="Temperatures"/>).
/// </para>
/// <para>
/// It stops at temperature 1 once <see cref="AbcSmcOptions.MinGenerations"/> are done and the pool's ESS is at least
/// f N (the pool is the posterior under the error model), at <see cref="AbcSmcOptions.MaxGenerations"/> (then, above
/// temperature 1, the pool is a tempered posterior, wider than the posterior: a failure the result, the report and the
/// console state), or when the next generation would exceed the simulation budget. Proposal i of generation t takes its random numbers from the Philox streams keyed by
/// (seed, t, i, attempt), and the temperature is a function of the generation's distances, so the posterior depends on
/// the seed only: not on the thread count, the batching or the machines that simulate.
/// </para>
/// </summary>
public sealed class AbcSmc
{
    private readonly JointPrior prior;
    private readonly IParticleDistances distances;
    private readonly double precision;
    private readonly AbcSmcOptions options;

    /// <param name="precision">The kernel: ln k(y | x) = -precision x distance (<see cref="ObservationErrorModel.Precision"/>).</param>
    public AbcSmc(JointPrior prior, IParticleDistances distances, double precision, AbcSmcOptions options)
    {
        options.Validate();
        if (!(precision > 0) || !double.IsFinite(precision))
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "the kernel's precision must be a positive number");
        }

        this.prior = prior;
        this.distances = distances;
        this.precision = precision;
        this.options = options;
    }

    /// <summary>The seed of proposal <paramref name="index"/>'s simulation in <paramref name="generation"/>.</summary>
    public static ulong SimulationSeed(ulong seed, int generation, int index)
        => new ParticleStream(seed, generation, index, 0, StreamPurpose.SimulationSeed).NextUInt64();

    public PosteriorResult Run(IProgress<AbcSmcProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        int n = options.Particles;
        double targetEss = options.EssFraction * n;
        long simulations = 0;
        var generations = new List<Population>();
        var proposalLogs = new List<IReadOnlyList<double>>();
        var logLikelihoods = new List<IReadOnlyList<double>>();
        var diagnostics = new List<GenerationRecord>();
        double beta = 0;
        Population? pool = null;
        StopReason stop = StopReason.Generations;
        for (int t = 0; t < options.MaxGenerations; t++)
        {
            if (options.MaxSimulations is long budget && simulations + n > budget)
            {
                stop = StopReason.SimulationBudget;
                break;
            }

            progress?.Report(new AbcSmcProgress(t, options.MaxGenerations, simulations, 1 / beta, clock.Elapsed));
            var thetas = new double[n][];
            var proposalLog = new double[n];
            PerturbationKernel? kernel = pool is null ? null : new PerturbationKernel(pool, options.KernelScale);
            for (int i = 0; i < n; i++)
            {
                if (kernel is null)
                {
                    var stream = new ParticleStream(options.Seed, 0, i, 0, StreamPurpose.Prior);
                    thetas[i] = stream.DrawFrom(prior);
                }
                else
                {
                    thetas[i] = Propose(kernel, t, i);
                    proposalLog[i] = LogWeightOfProposal(kernel, thetas[i]);
                }
            }

            double[] d = Evaluate(new ParticleBatch(t, 0, 0, thetas, Seeds(t, 0, n)), cancellationToken);
            simulations += n;
            double[] logLikelihood = d.Select(x => -precision * x).ToArray();
            proposalLogs.Add(proposalLog);
            logLikelihoods.Add(logLikelihood);
            beta = Temperatures.NextInverse(proposalLogs, logLikelihoods, beta, targetEss);
            var population = new Population(t, thetas, d, Temperatures.Weights(proposalLog, logLikelihood, beta));
            generations.Add(population);
            pool = Pool(generations, Temperatures.PooledWeights(proposalLogs, logLikelihoods, beta));
            diagnostics.Add(new GenerationRecord(t, 1 / beta, n, population.EffectiveSampleSize, pool.EffectiveSampleSize, population.DistanceQuantile(0.5), clock.Elapsed));

            // Done at temperature 1 once the pool is worth f N equally weighted draws: a pool of few effective particles
            // gives draws that repeat a handful of points, too narrow a posterior.
            if (beta >= 1 && pool.EffectiveSampleSize >= targetEss && generations.Count >= options.MinGenerations)
            {
                stop = StopReason.Converged;
                break;
            }
        }

        progress?.Report(new AbcSmcProgress(generations.Count, options.MaxGenerations, simulations, 1 / beta, clock.Elapsed));
        return new PosteriorResult(prior, generations, pool!, diagnostics, stop, simulations);
    }

    /// <summary>Every generation's particles in order, with the pooled weights (<see cref="Temperatures.PooledWeights"/>).</summary>
    private static Population Pool(List<Population> generations, double[] weights)
        => new(
            generations.SelectMany(g => g.GenerationOf).ToArray(),
            generations.SelectMany(g => g.Thetas).ToArray(),
            generations.SelectMany(g => g.Distances).ToArray(),
            weights);

    /// <summary>
    /// ln prior(theta) - ln q(theta), q the defensive mixture alpha prior + (1 - alpha) kernel mixture (Hesterberg 1995):
    /// the prior share bounds every weight by 1 / alpha where the kernel mixture is thin. Restricting q to the prior's
    /// support multiplies it by a constant, which normalisation cancels.
    /// </summary>
    private double LogWeightOfProposal(PerturbationKernel kernel, double[] theta)
    {
        double logPrior = prior.LogDensity(theta);
        double logKernel = kernel.LogMixtureDensity(theta);
        double alpha = options.PriorShare;
        if (alpha <= 0)
        {
            return logPrior - logKernel;
        }

        double a = Math.Log(alpha) + logPrior, b = Math.Log(1 - alpha) + logKernel, max = Math.Max(a, b);
        return logPrior - (max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max)));
    }

    private double[] Propose(PerturbationKernel kernel, int generation, int index)
    {
        for (int attempt = 0; attempt < options.MaxAttempts; attempt++)
        {
            var stream = new ParticleStream(options.Seed, generation, index, attempt, StreamPurpose.Proposal);
            double[] theta = stream.NextDouble() < options.PriorShare ? stream.DrawFrom(prior) : kernel.Propose(ref stream);
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

        // A failed or undefined fit has likelihood 0: weight 0 at every temperature.
        return result.Select(d => double.IsNaN(d) ? double.PositiveInfinity : d).ToArray();
    }

    private IReadOnlyList<ulong> Seeds(int generation, int first, int count)
        => Enumerable.Range(first, count).Select(i => SimulationSeed(options.Seed, generation, i)).ToArray();
}
