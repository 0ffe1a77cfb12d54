namespace Mobility.Engine.Core;

using System.Runtime.CompilerServices;

/// <summary>The logistic function used by every binary decision of the model.</summary>
internal static class Logistic
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
