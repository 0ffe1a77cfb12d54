namespace Mobility.Experiments.Comparison;

/// <summary>
/// The seeds of a comparison's replications, derived from one base seed with the SplitMix64 output function
/// (Steele, Lea and Flood, OOPSLA 2014), so that nearby base seeds still give unrelated replication seeds. Every
/// scenario runs replication r with the same seed: the scenarios share their random streams (common random numbers).
/// </summary>
public static class ReplicationSeeds
{
    /// <summary>The seed of replication <paramref name="replicate"/> (1-based).</summary>
    public static ulong Derive(ulong baseSeed, int replicate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicate, 1);
        ulong z = unchecked(baseSeed + ((ulong)replicate * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>The seeds of replications 1..<paramref name="replications"/>.</summary>
    public static ulong[] ForReplications(ulong baseSeed, int replications)
        => Enumerable.Range(1, replications).Select(r => Derive(baseSeed, r)).ToArray();
}
