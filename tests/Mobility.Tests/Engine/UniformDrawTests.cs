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
}
