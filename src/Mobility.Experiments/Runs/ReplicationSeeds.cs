namespace Mobility.Experiments.Runs;

/// <summary>
/// The seeds of replicated runs, derived from one base seed with the SplitMix64 output function (Steele, Lea and
/// Flood, OOPSLA 2014), so that nearby base seeds still give unrelated replication seeds. The one scheme of every
/// verb that replicates: compare (every scenario runs replication r with the same seed: common random numbers), fit
/// and calibrate (every candidate runs the same R seeds).
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
