namespace Mobility.Model.Uncertainty;

using System.Globalization;
using MathNet.Numerics.Distributions;

/// <summary>
/// One coefficient's prior: a MathNet normal, log-normal or uniform distribution, optionally truncated to
/// [<see cref="Lower"/>, <see cref="Upper"/>]. The density is renormalised over the truncation interval, and draws come
/// from the inverse CDF of a uniform, so a draw is a pure function of the uniform (no rejection, no hidden state).
/// </summary>
public sealed class PriorDistribution
{
    private readonly IContinuousDistribution distribution;
    private readonly Func<double, double> inverse;
    private readonly double cdfAtLower;

    private PriorDistribution(PriorKind kind, IContinuousDistribution distribution, Func<double, double> inverse, double lower, double upper, string parameters)
    {
        Kind = kind;
        this.distribution = distribution;
        this.inverse = inverse;
        Lower = lower;
        Upper = upper;
        Parameters = parameters;
        cdfAtLower = double.IsNegativeInfinity(lower) ? 0 : distribution.CumulativeDistribution(lower);
        double cdfAtUpper = double.IsPositiveInfinity(upper) ? 1 : distribution.CumulativeDistribution(upper);
        Mass = cdfAtUpper - cdfAtLower;
    }

    public PriorKind Kind { get; }

    /// <summary>Lower end of the support (the truncation bound, or the family's own: -inf, 0).</summary>
    public double Lower { get; }

    /// <summary>Upper end of the support.</summary>
    public double Upper { get; }

    /// <summary>Probability of [Lower, Upper] under the untruncated family (1 without truncation).</summary>
    public double Mass { get; }

    /// <summary>The family's parameters as text, e.g. "mean -3.6, sd 0.5".</summary>
    public string Parameters { get; }

    /// <param name="lower">Truncation bound (null: none).</param>
    public static PriorDistribution Normal(double mean, double sd, double? lower = null, double? upper = null)
    {
        var normal = new Normal(mean, sd);
        return new PriorDistribution(PriorKind.Normal, normal, normal.InverseCumulativeDistribution, lower ?? double.NegativeInfinity, upper ?? double.PositiveInfinity,
            string.Create(CultureInfo.InvariantCulture, $"mean {mean}, sd {sd}"));
    }

    /// <summary>Log-normal: ln x ~ Normal(ln median, sdLog).</summary>
    public static PriorDistribution LogNormal(double median, double sdLog, double? lower = null, double? upper = null)
    {
        var logNormal = new LogNormal(Math.Log(median), sdLog);
        return new PriorDistribution(PriorKind.LogNormal, logNormal, logNormal.InverseCumulativeDistribution, Math.Max(0, lower ?? 0), upper ?? double.PositiveInfinity,
            string.Create(CultureInfo.InvariantCulture, $"median {median}, sdLog {sdLog}"));
    }

    public static PriorDistribution Uniform(double lower, double upper)
    {
        var uniform = new ContinuousUniform(lower, upper);
        return new PriorDistribution(PriorKind.Uniform, uniform, uniform.InverseCumulativeDistribution, lower, upper, "");
    }

    public bool Contains(double x) => x >= Lower && x <= Upper && (Kind != PriorKind.LogNormal || x > 0);

    public double Density(double x) => Contains(x) ? distribution.Density(x) / Mass : 0;

    public double LogDensity(double x) => Contains(x) ? distribution.DensityLn(x) - Math.Log(Mass) : double.NegativeInfinity;

    /// <summary>The value with probability <paramref name="u"/> below it (u in (0, 1)), always inside the support.</summary>
    public double Quantile(double u) => Math.Clamp(inverse(cdfAtLower + (u * Mass)), Lower, Upper);

    /// <summary>E.g. "normal(mean -3.6, sd 0.5) truncated to [-6, -1.5]", "lognormal(median 0.6, sdLog 0.5)", "uniform on [-2, 0.5]".</summary>
    public override string ToString()
    {
        string Bounds() => string.Create(CultureInfo.InvariantCulture, $"[{Lower:G6}, {Upper:G6}]");
        if (Kind == PriorKind.Uniform)
        {
            return "uniform on " + Bounds();
        }

        string family = Kind == PriorKind.Normal ? "normal" : "lognormal";
        bool truncated = Mass < 1 || (Kind == PriorKind.LogNormal && Lower > 0) || double.IsFinite(Upper) || (Kind == PriorKind.Normal && double.IsFinite(Lower));
        return $"{family}({Parameters})" + (truncated ? " truncated to " + Bounds() : "");
    }
}
