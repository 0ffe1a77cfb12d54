namespace Mobility.Tests.Engine;

using Mobility.Engine.Random;

/// <summary>A stream whose first blocks come from a batch draws exactly what the plain stream draws.</summary>
public sealed class BatchedStreamTests
{
    [Theory]
    [InlineData(0u, true)]
    [InlineData(0u, false)]
    [InlineData(1u, true)]
    [InlineData(1u, false)]
    public void Batched_blocks_give_the_plain_streams_draws(uint first, bool twoBlocks)
    {
        const ulong seed = 0x1234_5678_9ABC_DEF0;
        const int year = 2031;
        int[] ids = Enumerable.Range(0, 40).Select(i => (i * 7919) + 3).ToArray();
        var a = new uint[4][];
        var b = new uint[4][];
        for (int w = 0; w < 4; w++)
        {
            a[w] = new uint[ids.Length];
            b[w] = new uint[ids.Length];
        }

        PhiloxBatch.Blocks(seed, year, Purpose.DegreeChoices, first, ids, a[0], a[1], a[2], a[3]);
        PhiloxBatch.Blocks(seed, year, Purpose.DegreeChoices, first + 1, ids, b[0], b[1], b[2], b[3]);
        for (int j = 0; j < ids.Length; j++)
        {
            var plain = new RandomStream(seed, (uint)ids[j], year, Purpose.DegreeChoices);
            for (int skip = 0; skip < 4 * first; skip++)
            {
                plain.NextDouble();
            }

            var batched = twoBlocks
                ? new BatchedStream(seed, (uint)ids[j], year, Purpose.DegreeChoices, first, a[0][j], a[1][j], a[2][j], a[3][j], b[0][j], b[1][j], b[2][j], b[3][j])
                : new BatchedStream(seed, (uint)ids[j], year, Purpose.DegreeChoices, first, a[0][j], a[1][j], a[2][j], a[3][j]);
            for (int draw = 0; draw < 30; draw++)
            {
                Assert.Equal(plain.NextDouble(), batched.NextDouble());
            }
        }
    }
}
