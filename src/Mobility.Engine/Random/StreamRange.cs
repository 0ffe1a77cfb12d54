namespace Mobility.Engine.Random;

/// <summary>
/// Consecutive non-agent random-stream entity ids handed out to one owner: offsets
/// <see cref="Offset"/> .. <see cref="Offset"/> + <see cref="Count"/> - 1 above <see cref="RandomStream.NonAgentEntity"/>.
/// </summary>
public readonly record struct StreamRange(string Owner, uint Offset, uint Count)
{
    /// <summary>One past the last offset (may be 2^32 - NonAgentEntity, hence a long).</summary>
    public long End => (long)Offset + Count;

    /// <summary>The entity id of stream <paramref name="index"/> of the range.</summary>
    public uint Entity(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, Count, nameof(index));
        return RandomStream.NonAgentEntity + Offset + (uint)index;
    }

    public bool Overlaps(StreamRange other) => Offset < other.End && other.Offset < End;

    public override string ToString() => $"{Owner} [0x{Offset:X}, 0x{End:X})";
}
