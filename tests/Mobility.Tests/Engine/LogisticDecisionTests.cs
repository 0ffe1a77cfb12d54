namespace Mobility.Tests.Engine;

using System.Runtime.Intrinsics;
using Mobility.Engine.Numerics;

/// <summary>
/// The batched logistic decisions (vectorised exp, exact fallback near the boundary) are the scalar comparison
/// u &lt; Sigmoid(x), bit for bit, so the phases that use them keep every result.
/// </summary>
public sealed class LogisticDecisionTests
{
    [Fact]
    public void Random_pairs_decide_as_the_scalar_comparison()
    {
        var random = new System.Random(20251126);
        const int N = 200_003; // not a multiple of the vector width: the scalar tail is covered too
        var x = new double[N];
        var u = new double[N];
        for (int j = 0; j < N; j++)
        {
            // Mostly the logits the model produces, some far out (exp overflows, p rounds to 0 or 1).
            x[j] = j % 50 == 0 ? (random.NextDouble() - 0.5) * 2000 : (random.NextDouble() - 0.5) * 30;
            u[j] = (random.Next() + 0.5) / 2147483648.0;
        }

        AssertSameAsScalar(x, u);
    }

    [Fact]
    public void Uniforms_at_and_next_to_the_probability_decide_as_the_scalar_comparison()
    {
        var random = new System.Random(7);
        var x = new List<double>();
        var u = new List<double>();
        double[] offsets = [0, 1e-15, -1e-15, 1e-12, -1e-12, 1e-10, -1e-10, 1e-9, -1e-9, 1.5e-9, -1.5e-9, 1e-6, -1e-6];
        for (int k = 0; k < 4000; k++)
        {
            double logit = (random.NextDouble() - 0.5) * 40;
            double p = Logistic.Sigmoid(logit);
            foreach (double d in offsets)
            {
                x.Add(logit);
                u.Add(p + d);
            }

            x.Add(logit);
            u.Add(Math.BitIncrement(p));
            x.Add(logit);
            u.Add(Math.BitDecrement(p));
        }

        AssertSameAsScalar([.. x], [.. u]);
    }

    [Fact]
    public void Non_finite_logits_decide_as_the_scalar_comparison()
    {
        double[] x = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 710, -710, 745, -745, 0, 1e308, -1e308];
        double[] u = [0.5, 0.5, 0.5, 0.999, 1e-300, 0.5, 1e-320, 0.5, 0.5, 0.5];
        AssertSameAsScalar(x, u);
    }

    /// <summary>
    /// The argument behind <see cref="Logistic.DecisionMargin"/>: the vectorised probability is within 1e-13 of the
    /// exact one over the logits the model can produce (and far inside the 1e-9 margin).
    /// </summary>
    [Fact]
    public void The_vectorised_probability_is_far_closer_to_the_exact_one_than_the_margin()
    {
        double worst512 = 0;
        double worst256 = 0;
        for (double v = -700; v <= 700; v += 0.0137)
        {
            double exact = Logistic.Sigmoid(v);
            double p512 = (Vector512<double>.One / (Vector512<double>.One + Vector512.Exp(Vector512.Create(-v)))).GetElement(0);
            double p256 = (Vector256<double>.One / (Vector256<double>.One + Vector256.Exp(Vector256.Create(-v)))).GetElement(0);
            worst512 = Math.Max(worst512, Math.Abs(p512 - exact));
            worst256 = Math.Max(worst256, Math.Abs(p256 - exact));
        }

        Assert.True(worst512 < 1e-13, $"Vector512 probability off by {worst512}");
        Assert.True(worst256 < 1e-13, $"Vector256 probability off by {worst256}");
        Assert.True(1e-13 * 1000 < Logistic.DecisionMargin);
    }

    private static void AssertSameAsScalar(double[] x, double[] u)
    {
        var take = new bool[x.Length];
        Logistic.Decide(x, u, take);
        for (int j = 0; j < x.Length; j++)
        {
            bool expected = u[j] < Logistic.Sigmoid(x[j]);
            Assert.True(expected == take[j], $"x = {x[j]:R}, u = {u[j]:R}: expected {expected}");
        }
    }
}
