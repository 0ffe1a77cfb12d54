namespace Mobility.Tests.Posterior;

using MathNet.Numerics;
using Mobility.Experiments.Posterior;
using Mobility.Model.Uncertainty;

public sealed class PriorAndKernelTests
{
    public static TheoryData<string> Priors => ["normal", "truncated normal", "lognormal", "truncated lognormal", "uniform"];

    private static PriorDistribution Make(string name) => name switch
    {
        "normal" => PriorDistribution.Normal(1, 2),
        "truncated normal" => PriorDistribution.Normal(1, 2, -0.5, 4),
        "lognormal" => PriorDistribution.LogNormal(0.6, 0.5),
        "truncated lognormal" => PriorDistribution.LogNormal(0.6, 0.5, 0.3, 1.5),
        _ => PriorDistribution.Uniform(-2, 0.5),
    };

    [Theory]
    [MemberData(nameof(Priors))]
    public void A_prior_density_integrates_to_one_over_its_support_and_its_quantiles_stay_inside(string name)
    {
        PriorDistribution prior = Make(name);
        double low = double.IsFinite(prior.Lower) ? prior.Lower : prior.Quantile(1e-12);
        double high = double.IsFinite(prior.Upper) ? prior.Upper : prior.Quantile(1 - 1e-12);

        double mass = Integrate.OnClosedInterval(prior.Density, low, high, 1e-10);

        Assert.Equal(1.0, mass, 6);
        foreach (double u in new[] { 1e-12, 0.001, 0.25, 0.5, 0.75, 0.999, 1 - 1e-12 })
        {
            Assert.True(prior.Contains(prior.Quantile(u)), $"{name}: quantile {u} = {prior.Quantile(u)} outside [{prior.Lower}, {prior.Upper}]");
            Assert.Equal(u, Integrate.OnClosedInterval(prior.Density, low, prior.Quantile(u), 1e-10), 5);
        }

        Assert.Equal(0, prior.Density(prior.Lower - 1));
        Assert.Equal(double.NegativeInfinity, prior.LogDensity(prior.Upper + 1));
    }

    [Fact]
    public void Proposals_never_leave_a_truncated_prior_even_from_a_population_crowding_its_edge()
    {
        var prior = new JointPrior(
        [
            new CoefficientPrior("a", "a", PriorDistribution.Uniform(0, 1), "test"),
            new CoefficientPrior("b", "b", PriorDistribution.LogNormal(0.6, 0.5, 0.3, 1.5), "test"),
        ]);

        // Distances are smallest at the corner (1, 1.5), so the population is pushed against both upper bounds.
        double Distance(double[] theta, ulong seed) => Math.Abs(1 - theta[0]) + Math.Abs(1.5 - theta[1]) + (0.01 * new ParticleStream(seed, 0, 0, 0, StreamPurpose.Prior).NextDouble());
        PosteriorResult result = new AbcSmc(prior, new DistanceFunction(Distance, 2), precision: 50, new AbcSmcOptions { Particles = 200, MaxGenerations = 6, MinGenerations = 4, Seed = 5 }).Run();

        Assert.True(result.Generations.Count >= 4);
        Assert.All(result.Generations.SelectMany(g => g.Thetas), theta => Assert.True(prior.Contains(theta), $"({theta[0]}, {theta[1]}) is outside the prior"));
        Assert.True(result.Posterior.Mean()[0] > 0.8);
    }

    [Fact]
    public void A_particle_stream_depends_only_on_its_key_and_counter()
    {
        double[] Draws(ulong seed, int generation, int particle, int attempt, StreamPurpose purpose)
        {
            var stream = new ParticleStream(seed, generation, particle, attempt, purpose);
            return Enumerable.Range(0, 9).Select(_ => stream.NextDouble()).ToArray();
        }

        double[] reference = Draws(1, 2, 3, 0, StreamPurpose.Proposal);

        Assert.Equal(reference, Draws(1, 2, 3, 0, StreamPurpose.Proposal));
        Assert.NotEqual(reference, Draws(2, 2, 3, 0, StreamPurpose.Proposal));
        Assert.NotEqual(reference, Draws(1, 3, 3, 0, StreamPurpose.Proposal));
        Assert.NotEqual(reference, Draws(1, 2, 4, 0, StreamPurpose.Proposal));
        Assert.NotEqual(reference, Draws(1, 2, 3, 1, StreamPurpose.Proposal));
        Assert.NotEqual(reference, Draws(1, 2, 3, 0, StreamPurpose.Prior));
        Assert.All(reference, u => Assert.InRange(u, double.Epsilon, 1 - double.Epsilon));
    }
}
