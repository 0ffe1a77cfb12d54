namespace Mobility.Engine.Random;

/// <summary>
/// The engine's own non-agent random streams, at fixed offsets above <see cref="RandomStream.NonAgentEntity"/>; the
/// run's <see cref="StreamIdAllocator"/> reserves them before any lever claims ids, so no lever can draw their numbers.
/// </summary>
internal static class NonAgentStreams
{
    /// <summary>Entry: a member's yearly Bachelor cohort, one id per country index.</summary>
    private const uint CohortOffset = 0;

    /// <summary>Degree mobility: an external country's yearly pool of candidates, one id per country index.</summary>
    private const uint InboundPoolOffset = 0x100;

    /// <summary>Scholars: a university's academic staff at the start (year 0), one id per university index.</summary>
    private const uint StaffOffset = 0x30_0000;

    /// <summary>Policies: the yearly places of a host-government quota of the world's series, one id per (origin, host) pair.</summary>
    private const uint WorldQuotaOffset = 0x38_0000;

    public static uint Cohort(int country) => RandomStream.NonAgentEntity + CohortOffset + (uint)country;

    public static uint InboundPool(int country) => RandomStream.NonAgentEntity + InboundPoolOffset + (uint)country;

    public static uint Staff(int university) => RandomStream.NonAgentEntity + StaffOffset + (uint)university;

    public static uint WorldQuota(int origin, int host, int countries) => RandomStream.NonAgentEntity + WorldQuotaOffset + (uint)((origin * countries) + host);

    /// <summary>Reserves the four ranges for a world of <paramref name="countries"/> countries and <paramref name="universities"/> universities.</summary>
    public static void Reserve(StreamIdAllocator ids, int countries, int universities)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ids.Reserve("entry cohorts", CohortOffset, (uint)countries);
        ids.Reserve("inbound candidate pools", InboundPoolOffset, (uint)countries);
        ids.Reserve("university staff", StaffOffset, (uint)universities);
        ids.Reserve("world quotas", WorldQuotaOffset, (uint)(countries * countries));
    }
}
