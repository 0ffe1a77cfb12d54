namespace Mobility.Tests.Posterior;

using MathNet.Numerics.Distributions;
using Mobility.Experiments.Posterior;
using Mobility.Model.Uncertainty;

/// <summary>
/// ABC-SMC on a problem whose posterior is known: the mean mu of normal data with known variance, under a normal
/// prior. Data: the sample mean of n observations is 2 and sigma / sqrt(n) = 1; prior mu ~ N(0, 3^2). The posterior is
/// normal with precision 1/9 + 1, mean 2 / (10/9) = 1.8 and sd sqrt(0.9) = 0.9487. A simulation of mu draws a sample
/// mean mu + z (z standard normal, from the simulation's seed); the distance is |simulated - observed|.
/// </summary>
public sealed class ConjugateNormalTests
{
    private const double Observed = 2.0;
    private const double PriorSd = 3.0;
    private static readonly double PosteriorPrecision = (1 / (PriorSd * PriorSd)) + 1;
    private static readonly double PosteriorMean = Observed / PosteriorPrecision;
    private static readonly double PosteriorSd = Math.Sqrt(1 / PosteriorPrecision);

    internal static JointPrior Prior() => new([new CoefficientPrior("toy:mu", "mu", PriorDistribution.Normal(0, PriorSd), "conjugate test")]);

    /// <summary>One simulated sample mean: mu + a standard normal draw taken from the simulation's seed.</summary>
    internal static double Distance(double[] theta, ulong seed)
    {
        var stream = new ParticleStream(seed, 0, 0, 0, StreamPurpose.Prior);
        return Math.Abs(theta[0] + Normal.InvCDF(0, 1, stream.NextDouble()) - Observed);
    }

    [Fact]
    public void The_posterior_matches_the_analytic_one_within_Monte_Carlo_error()
    {
        var options = new AbcSmcOptions { Particles = 1000, MaxGenerations = 12, MinAcceptance = 0.01, Seed = 7 };
        PosteriorResult result = new AbcSmc(Prior(), new DistanceFunction(Distance, 2), options).Run();
        Population posterior = result.Posterior;
        double ess = posterior.EffectiveSampleSize;
        double mean = posterior.Mean()[0];
        double sd = Math.Sqrt(posterior.Covariance()[0, 0]);

        // The ABC posterior at tolerance eps is the posterior whose likelihood is widened by a uniform(-eps, eps) error
        // (variance eps^2 / 3): at eps <= 0.1 that moves the sd by under 0.002 and the mean by under 0.001, far below
        // the Monte Carlo error, so the analytic posterior is the reference.
        double finalTolerance = result.Diagnostics[^1].Tolerance;
        Assert.True(finalTolerance <= 0.1, $"final tolerance {finalTolerance}");

        // Monte Carlo error of a weighted mean is sd / sqrt(ESS), of a normal sample's sd about sd / sqrt(2 ESS); the
        // test allows 4 of them (a chance of about 6e-5 of failing for a correct sampler).
        double meanError = 4 * PosteriorSd / Math.Sqrt(ess);
        double sdError = 4 * PosteriorSd / Math.Sqrt(2 * ess);
        Assert.True(ess > 200, $"effective sample size {ess:F0} of 1000");
        Assert.InRange(mean, PosteriorMean - meanError, PosteriorMean + meanError);
        Assert.InRange(sd, PosteriorSd - sdError, PosteriorSd + sdError);
    }

    [Fact]
    public void Every_generations_weights_are_normalised_and_the_tolerance_falls()
    {
        var options = new AbcSmcOptions { Particles = 300, MaxGenerations = 6, Seed = 3 };
        PosteriorResult result = new AbcSmc(Prior(), new DistanceFunction(Distance, 2), options).Run();

        Assert.Equal(6, result.Generations.Count);
        foreach (Population generation in result.Generations)
        {
            Assert.Equal(300, generation.Count);
            Assert.Equal(1.0, generation.Weights.Sum(), 12);
            Assert.All(generation.Weights, w => Assert.True(w >= 0));
        }

        for (int t = 1; t < result.Diagnostics.Count; t++)
        {
            GenerationRecord record = result.Diagnostics[t];
            Assert.True(record.Tolerance < result.Diagnostics[t - 1].Tolerance);
            Assert.All(result.Generations[t].Distances, d => Assert.True(d <= record.Tolerance));
            Assert.Equal(300.0 / record.Simulations, record.AcceptanceRate, 12);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_posterior_on_one_thread_and_on_two()
    {
        var options = new AbcSmcOptions { Particles = 200, MaxGenerations = 4, Seed = 11 };
        PosteriorResult one = new AbcSmc(Prior(), new DistanceFunction(Distance, 1), options).Run();
        PosteriorResult two = new AbcSmc(Prior(), new DistanceFunction(Distance, 2), options).Run();
        PosteriorResult other = new AbcSmc(Prior(), new DistanceFunction(Distance, 2), options with { Seed = 12 }).Run();

        Assert.Equal(one.Posterior.Thetas.Select(t => t[0]), two.Posterior.Thetas.Select(t => t[0]));
        Assert.Equal(one.Posterior.Weights, two.Posterior.Weights);
        Assert.NotEqual(one.Posterior.Thetas.Select(t => t[0]), other.Posterior.Thetas.Select(t => t[0]));
    }
}
