namespace Mobility.Engine.Random;

using System.Runtime.CompilerServices;

/// <summary>
/// Standard normal draws by the ziggurat method (Marsaglia and Tsang 2000, "The ziggurat method for generating random
/// variables", J. Stat. Softw. 5(8); 128 layers): exact in distribution, not an approximation. The density is
/// covered by 128 layers of equal area; a 32-bit word picks a layer (its low 7 bits) and a signed point across it (its
/// upper 25 bits, so the two are independent, unlike the original's shared bits, Doornik 2005). When the point lies
/// inside the part of the layer that is wholly under the density (about 97 % of draws) the result is that point,
/// with one multiplication: no log, sqrt or cos. Otherwise the wedge is tested against the density, or, in the base
/// layer, the tail beyond <see cref="R"/> is sampled exactly (Marsaglia 1964), with further uniforms of the same
/// stream, and a rejected word is replaced by the stream's next word.
/// </summary>
internal static class Ziggurat
{
    /// <summary>Right edge of the base layer (the start of the tail) for 128 layers.</summary>
    public const double R = 3.442619855899;

    /// <summary>The area of every layer (rectangle, or base rectangle plus tail).</summary>
    private const double V = 9.91256303526217e-3;

    /// <summary>The upper 25 bits of a word as a signed integer lie in [-2^24, 2^24).</summary>
    private const double M = 16777216.0;

    private const int Layers = 128;

    /// <summary>A point |j| below this lies in the rectangle of layer i wholly under the density.</summary>
    private static readonly uint[] Inside = new uint[Layers];

    /// <summary>Layer i's right edge / 2^24: the point j of the layer is x = j * Width[i].</summary>
    private static readonly double[] Width = new double[Layers];

    /// <summary>The density (unnormalised, exp(-x^2/2)) at layer i's right edge.</summary>
    private static readonly double[] Density = new double[Layers];

    static Ziggurat()
    {
        // Marsaglia and Tsang's table set-up (zigset), with the scale of a 25-bit signed point.
        double dn = R, tn = R;
        double q = V / Math.Exp(-0.5 * dn * dn);
        Inside[0] = (uint)(dn / q * M);
        Inside[1] = 0;
        Width[0] = q / M;
        Width[Layers - 1] = dn / M;
        Density[0] = 1.0;
        Density[Layers - 1] = Math.Exp(-0.5 * dn * dn);
        for (int i = Layers - 2; i >= 1; i--)
        {
            dn = Math.Sqrt(-2.0 * Math.Log((V / dn) + Math.Exp(-0.5 * dn * dn)));
            Inside[i + 1] = (uint)(dn / tn * M);
            tn = dn;
            Density[i] = Math.Exp(-0.5 * dn * dn);
            Width[i] = dn / M;
        }
    }

    /// <summary>
    /// The normal of <paramref name="word"/> when its point lies inside its layer's rectangle (then
    /// <paramref name="z"/> is the draw and no more words are needed); false otherwise, and the caller finishes with
    /// <see cref="Finish"/> on the same word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFast(uint word, out double z)
    {
        int layer = (int)(word & (Layers - 1));
        int j = (int)word >> 7;
        z = j * Width[layer];
        return (uint)Math.Abs(j) < Inside[layer];
    }

    /// <summary>A standard normal: <paramref name="word"/> first, then as many of <paramref name="more"/>'s words as rejection needs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next<TSource>(uint word, ref TSource more)
        where TSource : struct, IWordSource
        => TryFast(word, out double z) ? z : Finish(word, ref more);

    /// <summary>The slow path of <paramref name="word"/> (whose point is outside its layer's rectangle).</summary>
    public static double Finish<TSource>(uint word, ref TSource more)
        where TSource : struct, IWordSource
    {
        while (true)
        {
            int layer = (int)(word & (Layers - 1));
            int j = (int)word >> 7;
            double x = j * Width[layer];
            if ((uint)Math.Abs(j) < Inside[layer])
            {
                return x;
            }

            if (layer == 0)
            {
                if (j == -(int)M)
                {
                    // The one point without a mirror image (j runs from -2^24 to 2^24 - 1): drawing again keeps the
                    // two tails exactly symmetric (in the other layers it is the layer's edge, which the wedge rejects).
                    word = more.NextWord();
                    continue;
                }

                // The tail beyond R: x = -ln(u1) / R, accepted when -2 ln(u2) > x^2 (Marsaglia 1964).
                double y;
                do
                {
                    x = -Math.Log(UniformDraw.Of(more.NextWord())) / R;
                    y = -Math.Log(UniformDraw.Of(more.NextWord()));
                }
                while (y + y < x * x);

                return j > 0 ? R + x : -(R + x);
            }

            // The wedge: a uniform height between the densities at the layer's two edges, accepted under the curve.
            double height = Density[layer] + (UniformDraw.Of(more.NextWord()) * (Density[layer - 1] - Density[layer]));
            if (height < Math.Exp(-0.5 * x * x))
            {
                return x;
            }

            word = more.NextWord();
        }
    }
}
