namespace Mobility.Engine.Random;

using Mobility.Model.Policies;

/// <summary>
/// The one place non-agent random-stream ids are handed out (offsets above <see cref="RandomStream.NonAgentEntity"/>),
/// once per run: first the engine's own fixed ranges (<see cref="NonAgentStreams"/>), then every lever's claims in
/// lever order. No two ranges it hands out overlap, so no two owners ever draw the same numbers: an exact
/// <see cref="Reserve"/> that would overlap throws, and a <see cref="Claim"/> whose preferred range is taken moves to
/// the next free range above it.
/// </summary>
public sealed class StreamIdAllocator
{
    /// <summary>Offsets available: from NonAgentEntity to the last 32-bit id.</summary>
    public const long Capacity = (long)uint.MaxValue - RandomStream.NonAgentEntity + 1;

    private readonly List<StreamRange> byOffset = [];
    private readonly List<StreamRange> inOrder = [];
    private readonly Dictionary<string, StreamRange> byOwner = new(StringComparer.Ordinal);

    /// <summary>The ranges handed out, in the order they were.</summary>
    public IReadOnlyList<StreamRange> Ranges => inOrder;

    /// <summary>Hands out exactly offsets <paramref name="offset"/> .. + <paramref name="count"/> - 1, or throws if any is taken.</summary>
    public StreamRange Reserve(string owner, uint offset, uint count)
    {
        var range = Checked(owner, offset, count);
        if (Blocking(range) is StreamRange taken)
        {
            throw new InvalidOperationException($"random-stream ids {range} overlap {taken}");
        }

        return Add(range);
    }

    /// <summary>
    /// Hands out the claim's preferred range if it is free, else the first free range of the same size above it
    /// (wrapping around), so a claim never fails while room is left.
    /// </summary>
    public StreamRange Claim(StreamClaim claim)
    {
        var range = Checked(claim.Owner, claim.PreferredOffset, claim.Count);
        bool wrapped = false;
        while (Blocking(range) is StreamRange taken)
        {
            long next = taken.End;
            if (next + range.Count > Capacity)
            {
                if (wrapped)
                {
                    throw new InvalidOperationException($"no free range of {range.Count} random-stream ids for {range.Owner}");
                }

                wrapped = true;
                next = 0;
            }

            if (wrapped && next > claim.PreferredOffset)
            {
                throw new InvalidOperationException($"no free range of {range.Count} random-stream ids for {range.Owner}");
            }

            range = range with { Offset = (uint)next };
        }

        return Add(range);
    }

    /// <summary>The entity id of stream <paramref name="index"/> of <paramref name="owner"/>'s range.</summary>
    public uint Entity(string owner, int index)
        => byOwner.TryGetValue(owner, out var range)
            ? range.Entity(index)
            : throw new KeyNotFoundException($"no random-stream ids were handed out to '{owner}'");

    public StreamRange RangeOf(string owner) => byOwner[owner];

    private StreamRange Checked(string owner, uint offset, uint count)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfZero(count);
        var range = new StreamRange(owner, offset, count);
        if (range.End > Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"random-stream ids {range} run past the last id");
        }

        if (byOwner.ContainsKey(owner))
        {
            throw new InvalidOperationException($"'{owner}' already holds random-stream ids {byOwner[owner]}");
        }

        return range;
    }

    /// <summary>The range handed out that overlaps <paramref name="range"/> and starts first, if any.</summary>
    private StreamRange? Blocking(StreamRange range)
    {
        foreach (var taken in byOffset)
        {
            if (taken.Overlaps(range))
            {
                return taken;
            }
        }

        return null;
    }

    private StreamRange Add(StreamRange range)
    {
        int at = byOffset.FindIndex(r => r.Offset > range.Offset);
        byOffset.Insert(at < 0 ? byOffset.Count : at, range);
        inOrder.Add(range);
        byOwner.Add(range.Owner, range);
        return range;
    }
}
