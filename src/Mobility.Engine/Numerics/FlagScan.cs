namespace Mobility.Engine.Numerics;

using System.Runtime.Intrinsics;

/// <summary>
/// Finds the slots whose flags have given bits 64 at a time, so that a sequential pass over a few marked slots
/// (e.g. the year's graduates) does not test every slot one by one.
/// </summary>
internal static class FlagScan
{
    /// <summary>Bit k is set when flags[start + k] has a bit of <paramref name="bits"/> (k below 64 and start + k below flags.Length).</summary>
    public static ulong Marked(ReadOnlySpan<byte> flags, int start, byte bits)
    {
        if (Vector512.IsHardwareAccelerated && start + 64 <= flags.Length)
        {
            var marked = ~Vector512.Equals(Vector512.Create(flags.Slice(start, 64)) & Vector512.Create(bits), Vector512<byte>.Zero);
            return marked.ExtractMostSignificantBits();
        }

        ulong mask = 0;
        int end = Math.Min(flags.Length, start + 64);
        for (int i = start; i < end; i++)
        {
            if ((flags[i] & bits) != 0)
            {
                mask |= 1UL << (i - start);
            }
        }

        return mask;
    }
}
