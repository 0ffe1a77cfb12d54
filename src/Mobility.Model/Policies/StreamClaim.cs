namespace Mobility.Model.Policies;

/// <summary>
/// Random streams a lever instance draws from (to round persons to agents), asked of the engine's one allocator
/// before the run: <paramref name="Count"/> consecutive non-agent stream ids, preferably at
/// <paramref name="PreferredOffset"/> above the first non-agent id. The allocator never hands out overlapping
/// ranges: a preferred range already taken is moved to the next free one.
/// </summary>
/// <param name="Owner">Unique name of the claim, e.g. the instance's path (and a country code when it claims per country).</param>
public readonly record struct StreamClaim(string Owner, uint PreferredOffset, uint Count)
{
    /// <summary>
    /// A stable (process-independent) 16-bit hash of an instance's name (FNV-1a), from which the first levers took
    /// their preferred offsets; kept so that their random numbers stay what they were.
    /// </summary>
    public static uint NameHash(string name)
    {
        uint hash = 2166136261;
        foreach (char ch in name)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return hash & 0xFFFF;
    }
}
