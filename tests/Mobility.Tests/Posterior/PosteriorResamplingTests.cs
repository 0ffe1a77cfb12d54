namespace Mobility.Tests.Posterior;

using Mobility.Experiments.Posterior;

/// <summary>Systematic resampling: D equally weighted draws that follow the weights closely and depend only on the seed.</summary>
public class PosteriorResamplingTests
{
    [Theory]
    [InlineData(7UL, 20)]
    [InlineData(8UL, 20)]
    [InlineData(9UL, 7)]
    [InlineData(10UL, 1000)]
    public void Each_particle_is_drawn_floor_or_ceiling_of_its_share_times_the_draws(ulong seed, int draws)
    {
        double[] weights = [0.5, 0.0, 0.3, 0.15, 0.05];

        int[] picks = PosteriorResampling.Systematic(weights, draws, seed);

        Assert.Equal(draws, picks.Length);
        Assert.Equal(picks.Order(), picks);
        for (int i = 0; i < weights.Length; i++)
        {
            int count = picks.Count(p => p == i);
            double expected = weights[i] * draws;
            Assert.InRange(count, Math.Floor(expected - 1e-9), Math.Ceiling(expected + 1e-9));
        }
    }

    [Fact]
    public void Unnormalised_weights_give_the_draws_of_the_normalised_ones_and_the_seed_decides()
    {
        double[] weights = Enumerable.Range(1, 50).Select(i => 1.0 / i).ToArray();
        double total = weights.Sum();

        int[] raw = PosteriorResampling.Systematic(weights, 30, 5);
        int[] normalised = PosteriorResampling.Systematic(weights.Select(w => w / total).ToArray(), 30, 5);
        int[] again = PosteriorResampling.Systematic(weights, 30, 5);
        var others = Enumerable.Range(6, 10).Select(s => PosteriorResampling.Systematic(weights, 30, (ulong)s)).ToArray();

        Assert.Equal(raw, normalised);
        Assert.Equal(raw, again);
        Assert.Contains(others, o => !o.SequenceEqual(raw));
    }

    [Fact]
    public void Bad_weights_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PosteriorResampling.Systematic([0, 0], 3, 1));
        Assert.Throws<ArgumentException>(() => PosteriorResampling.Systematic([0.5, -0.1], 3, 1));
        Assert.Throws<ArgumentException>(() => PosteriorResampling.Systematic([], 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PosteriorResampling.Systematic([1], 0, 1));
    }
}
