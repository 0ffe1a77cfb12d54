namespace Mobility.Tests.Engine;

using Mobility.Engine.Random;

/// <summary>The batched first blocks are the scalar generator's, so phases may use either without changing a result.</summary>
public sealed class PhiloxBatchTests
{
    // Odd lengths exercise the vector loop and the scalar tail; ids include negatives (they are cast to uint as
    // agent ids are) and a seed with both 32-bit halves set, so every key word and lane is checked.
    [Theory]
    [InlineData(0x0123_4567_89AB_CDEFUL, 2031, 1)]
    [InlineData(20250901UL, 2025, 8)]
    [InlineData(7UL, 1999, 203)]
    [InlineData(0xFFFF_FFFF_0000_0001UL, 2040, 256)]
    public void Batched_first_blocks_equal_the_scalar_generator(ulong seed, int year, int count)
    {
        var ids = new int[count];
        for (int j = 0; j < count; j++)
        {
            ids[j] = (j * 7919) - 50;
        }

        var r = new uint[4][];
        for (int w = 0; w < 4; w++)
        {
            r[w] = new uint[count];
        }

        PhiloxBatch.FirstBlocks(seed, year, Purpose.Study, ids, r[0], r[1], r[2], r[3]);

        for (int j = 0; j < count; j++)
        {
            Philox4x32.Generate((uint)ids[j], (uint)year, (uint)Purpose.Study, 0, (uint)seed, (uint)(seed >> 32), out uint e0, out uint e1, out uint e2, out uint e3);
            Assert.Equal(new[] { e0, e1, e2, e3 }, new[] { r[0][j], r[1][j], r[2][j], r[3][j] });
        }
    }

    // A stream started from a precomputed block draws exactly what a fresh stream draws, past the first block too.
    [Fact]
    public void A_stream_from_a_precomputed_block_continues_like_a_fresh_one()
    {
        const ulong Seed = 99;
        Span<uint> r0 = stackalloc uint[1], r1 = stackalloc uint[1], r2 = stackalloc uint[1], r3 = stackalloc uint[1];
        PhiloxBatch.FirstBlocks(Seed, 2030, Purpose.Study, 41, 1, r0, r1, r2, r3);
        var fresh = new RandomStream(Seed, 41, 2030, Purpose.Study);
        var primed = new RandomStream(Seed, 41, 2030, Purpose.Study, 0, r0[0], r1[0], r2[0], r3[0]);

        for (int draw = 0; draw < 11; draw++)
        {
            Assert.Equal(fresh.NextDouble(), primed.NextDouble());
        }
    }

    // Blocks of any counter are the scalar generator's, the hash's block counter (RandomStream.Hash) among them.
    [Theory]
    [InlineData(0x0123_4567_89AB_CDEFUL, 2031, 3)]
    [InlineData(20250901UL, 2040, 77)]
    public void Batched_hash_blocks_equal_the_scalar_hash(ulong seed, int year, int count)
    {
        var ids = new int[count];
        for (int j = 0; j < count; j++)
        {
            ids[j] = (j * 104729) + 3;
        }

        uint[] r0 = new uint[count], r1 = new uint[count], r2 = new uint[count], r3 = new uint[count];
        PhiloxBatch.Blocks(seed, year, Purpose.TieBreak, RandomStream.HashBlock, ids, r0, r1, r2, r3);

        for (int j = 0; j < count; j++)
        {
            Assert.Equal(RandomStream.Hash(seed, (uint)ids[j], year, Purpose.TieBreak), r0[j]);
        }
    }

    // Phases turn batched words into uniforms themselves: the value must be the stream's draw.
    [Fact]
    public void Uniform_of_a_word_is_the_streams_draw()
    {
        Span<uint> r0 = stackalloc uint[1], r1 = stackalloc uint[1], r2 = stackalloc uint[1], r3 = stackalloc uint[1];
        PhiloxBatch.FirstBlocks(5, 2027, Purpose.DegreeDecision, 123_456, 1, r0, r1, r2, r3);
        var stream = new RandomStream(5, 123_456, 2027, Purpose.DegreeDecision);

        Assert.Equal(stream.NextDouble(), UniformDraw.Of(r0[0]));
        Assert.Equal(stream.NextDouble(), UniformDraw.Of(r1[0]));
        Assert.Equal(0.5 / 4294967296.0, UniformDraw.Of(0));
        Assert.True(UniformDraw.Of(uint.MaxValue) < 1);
    }
}
