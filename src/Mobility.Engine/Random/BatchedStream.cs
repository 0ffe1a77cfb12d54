namespace Mobility.Engine.Random;

using System.Runtime.CompilerServices;

/// <summary>
/// The draws of a <see cref="RandomStream"/> from block <c>first</c> on, whose blocks <c>first</c> and <c>first + 1</c>
/// (or only <c>first</c>) were computed in a batch (<see cref="PhiloxBatch"/>): the first eight (four) draws are those
/// words, later ones come from the stream continued at the next block. The same values as the plain stream, without a
/// scalar Philox call for the agents that need no more draws than were batched (ranked choices discard repeated
/// universities, so four draws were often not enough for three choices).
/// </summary>
internal struct BatchedStream
{
    private readonly ulong seed;
    private readonly uint entity;
    private readonly int year;
    private readonly Purpose purpose;
    private readonly uint next;
    private readonly int available;
    private Words words;
    private int used;
    private RandomStream rest;

    public BatchedStream(
        ulong seed, uint entity, int year, Purpose purpose, uint first,
        uint a0, uint a1, uint a2, uint a3, uint b0, uint b1, uint b2, uint b3)
        : this(seed, entity, year, purpose, first, a0, a1, a2, a3)
    {
        next = first + 2;
        available = Words.Length;
        words[4] = b0;
        words[5] = b1;
        words[6] = b2;
        words[7] = b3;
    }

    /// <summary>The stream from block <paramref name="first"/> on, of which only that block was computed in a batch.</summary>
    public BatchedStream(ulong seed, uint entity, int year, Purpose purpose, uint first, uint a0, uint a1, uint a2, uint a3)
    {
        this.seed = seed;
        this.entity = entity;
        this.year = year;
        this.purpose = purpose;
        next = first + 1;
        available = 4;
        words[0] = a0;
        words[1] = a1;
        words[2] = a2;
        words[3] = a3;
        used = 0;
        rest = default;
    }

    /// <summary>Uniform on (0, 1): the stream's next draw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble()
    {
        if (used < available)
        {
            return UniformDraw.Of(words[used++]);
        }

        return Rest();
    }

    private double Rest()
    {
        if (used == available)
        {
            Philox4x32.Generate(entity, (uint)year, (uint)purpose, next, (uint)seed, (uint)(seed >> 32), out uint r0, out uint r1, out uint r2, out uint r3);
            rest = new RandomStream(seed, entity, year, purpose, next, r0, r1, r2, r3);
            used++;
        }

        return rest.NextDouble();
    }

    [InlineArray(Length)]
    private struct Words
    {
        public const int Length = 8;

        private uint word;
    }
}
