namespace Mobility.Benchmarks;

using BenchmarkDotNet.Attributes;
using Mobility.Engine.Random;

/// <summary>
/// Throughput of the counter-based generator: one <see cref="RandomStream.NextDouble"/> (a Philox block every fourth
/// draw) and one raw <see cref="Philox4x32.Generate"/> (a whole 4x32-bit block). Each operation is a loop of
/// <see cref="Draws"/> calls reported per call through OperationsPerInvoke; draws per second = 1e9 / (ns per op).
/// </summary>
[MemoryDiagnoser]
public class RandomBenchmark
{
    public const int Draws = 4096;

    private const ulong Seed = 20250901;

    private readonly int[] ids = new int[Draws];
    private readonly uint[] r0 = new uint[Draws];
    private readonly uint[] r1 = new uint[Draws];
    private readonly uint[] r2 = new uint[Draws];
    private readonly uint[] r3 = new uint[Draws];
    private uint entity;

    /// <summary>A fresh stream per invocation, as the engine makes one per (agent, year, purpose).</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public double NextDouble()
    {
        var stream = new RandomStream(Seed, entity++, 2030, Purpose.Study);
        double sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += stream.NextDouble();
        }

        return sum;
    }

    /// <summary>One Philox4x32-10 block (four 32-bit words) per call, with a counter that changes every call.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public uint Philox()
    {
        uint e = entity++;
        uint acc = 0;
        for (uint i = 0; i < Draws; i++)
        {
            Philox4x32.Generate(e, 2030, (uint)Purpose.Study, i, (uint)Seed, (uint)(Seed >> 32), out uint r0, out uint r1, out uint r2, out uint r3);
            acc ^= r0 ^ r1 ^ r2 ^ r3;
        }

        return acc;
    }

    /// <summary>
    /// One first block per agent from <see cref="PhiloxBatch.FirstBlocks(ulong, int, Purpose, ReadOnlySpan{int}, Span{uint}, Span{uint}, Span{uint}, Span{uint})"/>
    /// (eight agents per AVX-512 instruction where available), as the phases draw them.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public uint PhiloxBatch()
    {
        int first = (int)(entity++ * Draws);
        for (int i = 0; i < Draws; i++)
        {
            ids[i] = first + i;
        }

        Mobility.Engine.Random.PhiloxBatch.FirstBlocks(Seed, 2030, Purpose.Study, ids, r0, r1, r2, r3);
        return r0[0] ^ r1[Draws / 2] ^ r2[Draws - 1] ^ r3[1];
    }
}
