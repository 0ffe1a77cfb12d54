namespace Mobility.Engine.Random;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>
/// The uniform a 32-bit generator word stands for: what <see cref="RandomStream.NextDouble"/> returns, and what a pass
/// that takes words from a batch of blocks (<see cref="PhiloxBatch"/>) directly, without a stream, uses.
/// </summary>
internal static class UniformDraw
{
    private const double TwoPow32Inverse = 1.0 / 4294967296.0;

    /// <summary>Uniform on the open interval (0, 1): the same value as the stream's draw of this word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(uint word) => (word + 0.5) * TwoPow32Inverse;

    /// <summary>
    /// <see cref="Of(uint)"/> of eight words at once (AVX-512 only): the words convert to doubles exactly, then the
    /// same addition and multiplication, so every lane has the scalar value's bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Of(Vector256<uint> words)
        => (Avx512F.ConvertToVector512Double(words) + Vector512.Create(0.5)) * Vector512.Create(TwoPow32Inverse);

    /// <summary>
    /// The number of words w with <c>Of(w) &lt; p</c>. <see cref="Of"/> increases with the word, so
    /// <c>Of(w) &lt; p</c> exactly when <c>w &lt; WordsBelow(p)</c>: a hot loop compares integers and gets the same
    /// outcome as the double comparison. Found by bisection over <see cref="Of"/> itself, so no rounding argument is needed.
    /// </summary>
    public static ulong WordsBelow(double p)
    {
        ulong low = 0, high = 1UL << 32; // Of(w) < p for every w below low; for none at or above high.
        while (low < high)
        {
            ulong mid = low + ((high - low) / 2);
            if (Of((uint)mid) < p)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
