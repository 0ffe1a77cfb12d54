namespace Mobility.Engine.Random;

using System.Runtime.CompilerServices;

/// <summary>
/// A short sequence of uniform draws for one (entity, year, purpose), produced four at a time by
/// <see cref="Philox4x32"/>. A value type: creating one allocates nothing.
/// </summary>
public struct RandomStream : IWordSource
{
    private readonly uint k0;
    private readonly uint k1;
    private readonly uint entity;
    private readonly uint year;
    private readonly uint purpose;
    private uint block;
    private uint r0;
    private uint r1;
    private uint r2;
    private uint r3;
    private int used;

    public RandomStream(ulong seed, uint entity, int year, Purpose purpose)
    {
        k0 = (uint)seed;
        k1 = (uint)(seed >> 32);
        this.entity = entity;
        this.year = (uint)year;
        this.purpose = (uint)purpose;
        block = 0;
        r0 = r1 = r2 = r3 = 0;
        used = 4;
    }

    /// <summary>
    /// The stream from block <paramref name="current"/> on, whose words were already generated (e.g. by
    /// <see cref="PhiloxBatch"/>): the draws are the stream's draws 4*current, 4*current + 1, ..., the same as from the
    /// other constructor.
    /// </summary>
    public RandomStream(ulong seed, uint entity, int year, Purpose purpose, uint current, uint word0, uint word1, uint word2, uint word3)
    {
        k0 = (uint)seed;
        k1 = (uint)(seed >> 32);
        this.entity = entity;
        this.year = (uint)year;
        this.purpose = (uint)purpose;
        block = current + 1;
        r0 = word0;
        r1 = word1;
        r2 = word2;
        r3 = word3;
        used = 0;
    }

    /// <summary>The stream from block <paramref name="first"/> on: its first draw is draw 4 * first of the stream.</summary>
    public static RandomStream FromBlock(ulong seed, uint entity, int year, Purpose purpose, uint first)
    {
        var stream = new RandomStream(seed, entity, year, purpose);
        stream.block = first;
        return stream;
    }

    /// <summary>Entities that are not agents (countries, programmes) use ids from this offset up.</summary>
    public const uint NonAgentEntity = 0xF000_0000;

    /// <summary>Uniform on the open interval (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => UniformDraw.Of(NextWord());

    /// <summary>The stream's next 32-bit word (what <see cref="NextDouble"/> maps to a uniform).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextWord()
    {
        if (used == 4)
        {
            Philox4x32.Generate(entity, year, purpose, block++, k0, k1, out r0, out r1, out r2, out r3);
            used = 0;
        }

        uint r = used switch
        {
            0 => r0,
            1 => r1,
            2 => r2,
            _ => r3,
        };
        used++;
        return r;
    }

    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal by the ziggurat method (<see cref="Ziggurat"/>): one word of the stream, more only when rejection needs them.</summary>
    public double NextNormal() => Ziggurat.Next(NextWord(), ref this);

    /// <summary>The block of a stream that <see cref="Hash"/> takes its word from (no stream draws that far).</summary>
    public const uint HashBlock = 0xFFFF_FFFF;

    /// <summary>A 32-bit hash of (seed, entity, year, purpose) used to break ties reproducibly.</summary>
    public static uint Hash(ulong seed, uint entity, int year, Purpose purpose)
    {
        Philox4x32.Generate(entity, (uint)year, (uint)purpose, HashBlock, (uint)seed, (uint)(seed >> 32), out uint r0, out _, out _, out _);
        return r0;
    }

    /// <summary>Rounds a non-negative expected count to an integer whose mean is that count.</summary>
    public static int StochasticRound(double expected, ulong seed, uint entity, int year)
    {
        if (expected <= 0)
        {
            return 0;
        }

        double floor = Math.Floor(expected);
        var stream = new RandomStream(seed, entity, year, Purpose.Rounding);
        return (int)floor + (stream.NextDouble() < expected - floor ? 1 : 0);
    }
}
