namespace Mobility.Engine.Numerics;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

/// <summary>The logistic function used by every binary decision of the model.</summary>
internal static class Logistic
{
    /// <summary>
    /// How far a uniform must lie from the approximate probability for <see cref="Decide"/> to trust the approximation.
    /// </summary>
    /// <remarks>
    /// p = 1/(1+E) with E = exp(-x). An error E(1+d) moves p by at most |d|*E/(1+E)^2 &lt;= |d|/4, and the two roundings
    /// of 1+E and of the division move either value by at most about 2.2e-16. A vectorised exp is accurate to a few
    /// units in the last place (|d| &lt; 1e-15; the tests check 1e-13 over the whole range used), so the approximate and
    /// the exact probability differ by less than 1e-15, a million times less than this margin.
    /// </remarks>
    public const double DecisionMargin = 1e-9;

    /// <summary>Beyond this |x| the exact path is taken (exp near overflow, or NaN and infinities).</summary>
    private const double SafeRange = 700;

    private const ulong All512 = (1UL << 8) - 1;
    private const uint All256 = (1U << 4) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>
    /// take[j] = uniform[j] &lt; <see cref="Sigmoid"/>(x[j]) for every j, bit for bit the scalar comparison: the
    /// probability is first computed with a vectorised exp, and only when the uniform lies within
    /// <see cref="DecisionMargin"/> of it (about one decision in 10^8..10^9) is it recomputed exactly.
    /// </summary>
    public static void Decide(ReadOnlySpan<double> x, ReadOnlySpan<double> uniform, Span<bool> take)
    {
        int n = x.Length;
        if (uniform.Length < n || take.Length < n)
        {
            throw new ArgumentException("uniform and take must be at least as long as x");
        }

        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            j = DecideVector512(x, uniform, take);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            j = DecideVector256(x, uniform, take);
        }

        for (; j < n; j++)
        {
            take[j] = uniform[j] < Sigmoid(x[j]);
        }
    }

    // Fully optimised from the first call: at tier 0 the vector exp runs lane by lane through non-inlined calls.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecideVector512(ReadOnlySpan<double> x, ReadOnlySpan<double> uniform, Span<bool> take)
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double us = ref MemoryMarshal.GetReference(uniform);
        var one = Vector512<double>.One;
        var margin = Vector512.Create(DecisionMargin);
        var range = Vector512.Create(SafeRange);
        int n = x.Length;
        int j = 0;
        for (; j + Vector512<double>.Count <= n; j += Vector512<double>.Count)
        {
            var v = Vector512.LoadUnsafe(ref xs, (nuint)j);
            var u = Vector512.LoadUnsafe(ref us, (nuint)j);
            var p = one / (one + Vector512.Exp(-v));
            var d = u - p;

            // NaN fails both comparisons, so it is never "sure".
            var sure = Vector512.GreaterThan(Vector512.Abs(d), margin) & Vector512.LessThan(Vector512.Abs(v), range);
            ulong below = Vector512.LessThan(d, Vector512<double>.Zero).ExtractMostSignificantBits();
            ulong certain = sure.ExtractMostSignificantBits();
            for (int k = 0; k < Vector512<double>.Count; k++)
            {
                take[j + k] = ((below >> k) & 1) != 0;
            }

            if (certain != All512)
            {
                for (int k = 0; k < Vector512<double>.Count; k++)
                {
                    if (((certain >> k) & 1) == 0)
                    {
                        take[j + k] = uniform[j + k] < Sigmoid(x[j + k]);
                    }
                }
            }
        }

        return j;
    }

    // Fully optimised from the first call: at tier 0 the vector exp runs lane by lane through non-inlined calls.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecideVector256(ReadOnlySpan<double> x, ReadOnlySpan<double> uniform, Span<bool> take)
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double us = ref MemoryMarshal.GetReference(uniform);
        var one = Vector256<double>.One;
        var margin = Vector256.Create(DecisionMargin);
        var range = Vector256.Create(SafeRange);
        int n = x.Length;
        int j = 0;
        for (; j + Vector256<double>.Count <= n; j += Vector256<double>.Count)
        {
            var v = Vector256.LoadUnsafe(ref xs, (nuint)j);
            var u = Vector256.LoadUnsafe(ref us, (nuint)j);
            var p = one / (one + Vector256.Exp(-v));
            var d = u - p;
            var sure = Vector256.GreaterThan(Vector256.Abs(d), margin) & Vector256.LessThan(Vector256.Abs(v), range);
            uint below = Vector256.LessThan(d, Vector256<double>.Zero).ExtractMostSignificantBits();
            uint certain = sure.ExtractMostSignificantBits();
            for (int k = 0; k < Vector256<double>.Count; k++)
            {
                take[j + k] = ((below >> k) & 1) != 0;
            }

            if (certain != All256)
            {
                for (int k = 0; k < Vector256<double>.Count; k++)
                {
                    if (((certain >> k) & 1) == 0)
                    {
                        take[j + k] = uniform[j + k] < Sigmoid(x[j + k]);
                    }
                }
            }
        }

        return j;
    }
}
