namespace Mobility.Tests.Engine;

using Mobility.Engine.Random;

/// <summary>A phase may turn a batched first-block word into a uniform itself: the value is the stream's first draw.</summary>
public sealed class UniformDrawTests
{
    [Theory]
    [InlineData(20250901UL, 2025, 0)]
    [InlineData(0x0123_4567_89AB_CDEFUL, 2031, 123_456)]
    [InlineData(7UL, 1999, -50)]
    public void Uniform_of_the_first_word_is_the_streams_first_draw(ulong seed, int year, int id)
    {
        uint[] r0 = new uint[1], r1 = new uint[1], r2 = new uint[1], r3 = new uint[1];
        PhiloxBatch.FirstBlocks(seed, year, Purpose.Study, [id], r0, r1, r2, r3);
        var stream = new RandomStream(seed, (uint)id, year, Purpose.Study);

        Assert.Equal(stream.NextDouble(), UniformDraw.Of(r0[0]));
    }

    [Fact]
    public void Uniforms_of_the_extreme_words_stay_inside_the_open_unit_interval()
    {
        Assert.InRange(UniformDraw.Of(0), double.Epsilon, 1e-9);
        Assert.InRange(UniformDraw.Of(uint.MaxValue), 1 - 1e-9, Math.BitDecrement(1.0));
    }

    [Theory]
    [InlineData(0.04)]
    [InlineData(0.016)]
    [InlineData(0.048)]
    [InlineData(0.5)]
    [InlineData(1e-9)]
    [InlineData(0.999999999)]
    public void Words_below_a_probability_decide_as_the_uniform_does(double p)
    {
        ulong below = UniformDraw.WordsBelow(p);

        // The comparison changes exactly at the threshold word: the integer test gives the double test's outcome.
        Assert.InRange(below, 1UL, uint.MaxValue);
        Assert.True(UniformDraw.Of((uint)(below - 1)) < p);
        Assert.False(UniformDraw.Of((uint)below) < p);
    }

    [Fact]
    public void No_word_is_below_zero_and_every_word_is_below_one()
    {
        Assert.Equal(0UL, UniformDraw.WordsBelow(0));
        Assert.Equal(0UL, UniformDraw.WordsBelow(double.NaN));
        Assert.Equal(1UL << 32, UniformDraw.WordsBelow(1));
        Assert.Equal(1UL << 32, UniformDraw.WordsBelow(1.2));
    }
}
