namespace Mobility.Engine.Random;

using System.Runtime.CompilerServices;

/// <summary>
/// The Philox 4x32-10 counter-based generator (Salmon et al., SC'11): a pure function of a 128-bit counter and a
/// 64-bit key. Keying by (seed) and counting by (entity, year, purpose, block) gives every agent its own stream,
/// so results do not depend on how agents are split among threads.
/// </summary>
public static class Philox4x32
{
    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9;
    private const uint W1 = 0xBB67AE85;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Generate(
        uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, out uint r0, out uint r1, out uint r2, out uint r3)
    {
        for (int round = 0; round < 10; round++)
        {
            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
            uint n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
            c1 = (uint)p1;
            c3 = (uint)p0;
            c0 = n0;
            c2 = n2;
            k0 += W0;
            k1 += W1;
        }

        r0 = c0;
        r1 = c1;
        r2 = c2;
        r3 = c3;
    }
}
