namespace Mobility.Tests.Posterior;

using MathNet.Numerics.Distributions;
using Mobility.Experiments.Posterior;
using Mobility.Model.Uncertainty;
using Xunit.Abstractions;

/// <summary>
/// Annealed ABC-SMC on a problem whose posterior is known: the mean mu of normal data with known variance, under a
/// normal prior. The observed sample mean is 2; the model simulates it as mu + 0.6 z (z standard normal from the
/// simulation's seed: the model's own noise, sd 0.6), and the observation-error kernel is normal with sd 0.8 (distance
/// (x - y)^2 / 2, precision 1 / 0.8^2). So the data given mu are normal with variance 0.6^2 + 0.8^2 = 1, and with the
/// prior mu ~ N(0, 3^2) the posterior is normal with precision 1/9 + 1, mean 2 / (10/9) = 1.8 and sd sqrt(0.9) =
/// 0.9487: the sampler must integrate the model's noise (one simulation per particle, pseudo-marginal weights) and the
/// kernel both, and end at temperature 1.
/// </summary>
public sealed class ConjugateNormalTests(ITestOutputHelper output)
{
    private const double Observed = 2.0;
    private const double PriorSd = 3.0;
    private const double ModelSd = 0.6;
    private const double KernelSd = 0.8;
    private static readonly double PosteriorPrecision = (1 / (PriorSd * PriorSd)) + 1;
    private static readonly double PosteriorMean = Observed / PosteriorPrecision;
    private static readonly double PosteriorSd = Math.Sqrt(1 / PosteriorPrecision);
    private static readonly double Precision = 1 / (KernelSd * KernelSd);

    internal static JointPrior Prior() => new([new CoefficientPrior("toy:mu", "mu", PriorDistribution.Normal(0, PriorSd), "conjugate test")]);

    /// <summary>One simulated sample mean, mu + 0.6 z with z from the simulation's seed; the distance (x - y)^2 / 2.</summary>
    internal static double Distance(double[] theta, ulong seed)
    {
        var stream = new ParticleStream(seed, 0, 0, 0, StreamPurpose.Prior);
        double simulated = theta[0] + (ModelSd * Normal.InvCDF(0, 1, stream.NextDouble()));
        return (simulated - Observed) * (simulated - Observed) / 2;
    }

    private static PosteriorResult Run(AbcSmcOptions options, int threads = 2)
        => new AbcSmc(Prior(), new DistanceFunction(Distance, threads), Precision, options).Run();

    [Fact]
    public void The_posterior_matches_the_analytic_one_within_Monte_Carlo_error()
    {
        PosteriorResult result = Run(new AbcSmcOptions { Particles = 1000, MaxGenerations = 12, MinGenerations = 3, Seed = 7 });
        Population posterior = result.Posterior;
        double ess = posterior.EffectiveSampleSize;
        double mean = posterior.Mean()[0];
        double sd = Math.Sqrt(posterior.Covariance()[0, 0]);

        output.WriteLine(FormattableString.Invariant(
            $"{result.Generations.Count} generations, {result.Simulations} simulations, temperatures {string.Join(" ", result.Diagnostics.Select(d => d.Temperature.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}, ESS {ess:F0}, mean {mean:F3}, sd {sd:F3}"));
        Assert.Equal(StopReason.Converged, result.Stop);
        Assert.Equal(1.0, result.Diagnostics[^1].Temperature);

        // Monte Carlo error of a weighted mean is sd / sqrt(ESS), of a normal sample's sd about sd / sqrt(2 ESS); the
        // test allows 4 of them.
        double meanError = 4 * PosteriorSd / Math.Sqrt(ess);
        double sdError = 4 * PosteriorSd / Math.Sqrt(2 * ess);
        Assert.True(ess >= 500, $"effective sample size {ess:F0} of 1000");
        Assert.InRange(mean, PosteriorMean - meanError, PosteriorMean + meanError);
        Assert.InRange(sd, PosteriorSd - sdError, PosteriorSd + sdError);
    }

    [Fact]
    public void A_sampler_that_ignored_the_models_noise_would_be_caught()
    {
        // The same test's reference without the model's noise (variance 0.8^2 only) has sd 0.76, not 0.95: the check
        // above separates the two, so it tests that the pseudo-marginal weights carry the simulation noise.
        double narrow = Math.Sqrt(1 / ((1 / (PriorSd * PriorSd)) + Precision));
        PosteriorResult result = Run(new AbcSmcOptions { Particles = 1000, MaxGenerations = 12, MinGenerations = 3, Seed = 7 });
        double sd = Math.Sqrt(result.Posterior.Covariance()[0, 0]);
        double sdError = 4 * PosteriorSd / Math.Sqrt(2 * result.Posterior.EffectiveSampleSize);
        Assert.True(Math.Abs(sd - narrow) > sdError, $"sd {sd:F3} cannot be told from the noise-free {narrow:F3}");
    }

    [Fact]
    public void Pooling_the_generations_at_temperature_1_keeps_the_posterior_right_and_raises_its_effective_sample_size()
    {
        // Six generations of 300: every one at temperature 1 is an importance sample of the posterior, and the pool
        // (weights proportional to each generation's ESS) is worth the sum of their ESS.
        PosteriorResult result = Run(new AbcSmcOptions { Particles = 300, MaxGenerations = 6, MinGenerations = 6, Seed = 5 });
        Population pool = result.Posterior;
        Population last = result.Generations[^1];
        double ess = pool.EffectiveSampleSize;
        double mean = pool.Mean()[0], sd = Math.Sqrt(pool.Covariance()[0, 0]);
        output.WriteLine(FormattableString.Invariant(
            $"temperatures {string.Join(" ", result.Diagnostics.Select(d => d.Temperature.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}, generation ESS {string.Join(" ", result.Diagnostics.Select(d => d.EffectiveSampleSize.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}, pooled ESS {ess:F0}, mean {mean:F3}, sd {sd:F3}"));

        Assert.Equal(StopReason.Converged, result.Stop);
        Assert.Equal(6, result.Generations.Count);
        Assert.Equal(6 * 300, pool.Count);
        Assert.Equal(1.0, pool.Weights.Sum(), 12);
        Assert.Equal(ess, result.Diagnostics[^1].PooledEffectiveSampleSize, 9);

        // At temperature 1 every generation's own weights are the pool's, so the pool's ESS is at least the sum of theirs.
        double atOne = result.Diagnostics.Where(d => d.Temperature == 1).Sum(d => d.EffectiveSampleSize);
        Assert.True(ess >= atOne - 1e-6, $"pooled ESS {ess:F1} below the sum {atOne:F1} of the generations at temperature 1");
        Assert.True(ess > 2 * last.EffectiveSampleSize, $"pooled ESS {ess:F0} against the last generation's {last.EffectiveSampleSize:F0}");

        double meanError = 4 * PosteriorSd / Math.Sqrt(ess);
        double sdError = 4 * PosteriorSd / Math.Sqrt(2 * ess);
        Assert.InRange(mean, PosteriorMean - meanError, PosteriorMean + meanError);
        Assert.InRange(sd, PosteriorSd - sdError, PosteriorSd + sdError);
    }

    [Fact]
    public void Every_generations_weights_are_normalised_and_its_temperature_keeps_half_the_particles_effective()
    {
        PosteriorResult result = Run(new AbcSmcOptions { Particles = 300, MaxGenerations = 10, Seed = 3 });

        Assert.Equal(StopReason.Converged, result.Stop);
        Assert.True(result.Generations.Count >= 2);
        Assert.Equal(result.Generations.Count, result.Diagnostics.Count);
        for (int t = 0; t < result.Generations.Count; t++)
        {
            Population generation = result.Generations[t];
            GenerationRecord record = result.Diagnostics[t];
            Assert.Equal(300, generation.Count);
            Assert.Equal(300, record.Simulations);
            Assert.Equal(1.0, generation.Weights.Sum(), 12);
            Assert.All(generation.Weights, w => Assert.True(w >= 0));
            Assert.Equal(generation.EffectiveSampleSize, record.EffectiveSampleSize);
            Assert.True(record.Temperature >= 1);
            if (t > 0)
            {
                Assert.True(record.Temperature <= result.Diagnostics[t - 1].Temperature);
            }

            // Each temperature is the lowest keeping the pool's ESS >= N/2 (the pool at the previous temperature already
            // had N/2 and the new generation only adds to it); at temperature 1 the pool holds at least N/2 once it stops.
            if (record.Temperature > 1)
            {
                Assert.InRange(record.PooledEffectiveSampleSize, 150 - 1e-6, 151);
            }

            Assert.True(record.PooledEffectiveSampleSize >= record.EffectiveSampleSize - 1e-9);
        }

        Assert.Equal(1.0, result.Diagnostics[^1].Temperature);
        Assert.True(result.Diagnostics[^1].PooledEffectiveSampleSize >= 150);
    }

    [Fact]
    public void The_same_seed_gives_the_same_posterior_on_one_thread_and_on_two()
    {
        var options = new AbcSmcOptions { Particles = 200, MaxGenerations = 4, Seed = 11 };
        PosteriorResult one = Run(options, threads: 1);
        PosteriorResult two = Run(options, threads: 2);
        PosteriorResult other = Run(options with { Seed = 12 });

        Assert.Equal(one.Posterior.Thetas.Select(t => t[0]), two.Posterior.Thetas.Select(t => t[0]));
        Assert.Equal(one.Posterior.Weights, two.Posterior.Weights);
        Assert.Equal(one.Diagnostics.Select(d => d.Temperature), two.Diagnostics.Select(d => d.Temperature));
        Assert.NotEqual(one.Posterior.Thetas.Select(t => t[0]), other.Posterior.Thetas.Select(t => t[0]));
    }
}
