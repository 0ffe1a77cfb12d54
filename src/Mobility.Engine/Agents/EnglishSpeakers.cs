namespace Mobility.Engine.Agents;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Mobility.Engine.Numerics;

/// <summary>
/// Who speaks English: P = sigmoid(logit(share) + slope*(ability + resources - 1)), the same rule for entrants,
/// external candidates and scholars (docs/ODD.md sections 7.3, 7.4 and 5; a scholar's productivity stands for
/// ability, with resources 0.5).
/// It sits below the state and the phases because the initial scholars and the yearly phases both draw with it.
/// </summary>
internal static class EnglishSpeakers
{
    /// <summary>P(speaks English) of one person.</summary>
    public static double Probability(double share, double slope, double ability, double resources)
        => Logistic.Sigmoid(LogitOf(Logit(share), slope, ability, resources));

    /// <summary>
    /// The logit of P(speaks English) for one person, with logit(share) computed once for a whole cohort
    /// (abilities and resources are floats, widened to double before the sum).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogitOf(double shareLogit, double slope, double ability, double resources)
        => shareLogit + (slope * (ability + resources - 1));

    /// <summary>The same for eight persons at once: the same operations in the same order, so every lane has the scalar value's bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LogitOf(double shareLogit, double slope, Vector512<double> ability, Vector512<double> resources)
        => Vector512.Create(shareLogit) + (Vector512.Create(slope) * (ability + resources - Vector512<double>.One));

    /// <summary>logit(share), the share clamped away from 0 and 1.</summary>
    public static double Logit(double share)
    {
        double p = Math.Clamp(share, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }
}
