namespace Mobility.Engine.Random;

using System.Runtime.CompilerServices;

/// <summary>
/// The uniform that <see cref="RandomStream.NextDouble"/> makes of a 32-bit word, for a pass that uses a batched
/// first block (<see cref="PhiloxBatch"/>) directly and needs no stream for most agents.
/// </summary>
internal static class UniformDraw
{
    private const double TwoPow32Inverse = 1.0 / 4294967296.0;

    /// <summary>Uniform on the open interval (0, 1): the same value as the stream's draw of this word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(uint word) => (word + 0.5) * TwoPow32Inverse;
}
