namespace Mobility.Tests.Engine;

using Mobility.Engine.Agents;

/// <summary>Who speaks English: the share at the average person, more with ability and resources.</summary>
public sealed class EnglishSpeakersTests
{
    [Theory]
    [InlineData(0.15, 3.0)]
    [InlineData(0.3, 3.0)]
    [InlineData(0.5, 1.0)]
    public void A_person_of_average_ability_and_resources_speaks_English_with_the_configured_share(double share, double slope)
    {
        Assert.Equal(share, EnglishSpeakers.Probability(share, slope, 0.5, 0.5), 12);
    }

    [Fact]
    public void More_ability_or_resources_never_lowers_the_probability()
    {
        double previous = 0;
        for (int k = 0; k <= 20; k++)
        {
            double p = EnglishSpeakers.Probability(0.15, 3.0, k / 20.0, 0.5);
            Assert.True(p >= previous, $"ability {k / 20.0}: {p} < {previous}");
            Assert.Equal(p, EnglishSpeakers.Probability(0.15, 3.0, 0.5, k / 20.0), 15);
            previous = p;
        }

        Assert.True(previous > 0.3, $"the ablest person speaks English with probability {previous} only");
    }
}
