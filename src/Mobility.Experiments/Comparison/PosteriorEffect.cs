namespace Mobility.Experiments.Comparison;

using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

/// <summary>
/// A paired effect over a posterior: D draws of the coefficients, R replications (seeds) each, one paired difference
/// per replication. By the law of total variance the variance of one run's difference is
/// Var(E[diff | theta]) + E[Var(diff | theta)]: the part due to the coefficients and the part due to simulation noise.
/// </summary>
/// <param name="NoiseBand">
/// The mean difference with the 95% Student-t interval that simulation noise alone gives it: the pooled within-draw
/// variance W over all D x R runs (D (R - 1) degrees of freedom), what the comparison would report were the
/// coefficients known.
/// </param>
/// <param name="CredibleLow">5% quantile of the D per-draw mean differences (the total interval's lower end).</param>
/// <param name="CredibleHigh">95% quantile of the D per-draw mean differences.</param>
/// <param name="CoefficientShare">B / (B + W), null when both are zero.</param>
/// <param name="NoiseShare">W / (B + W), null when both are zero.</param>
/// <param name="ProbabilityPositive">Share of draws whose mean difference is above zero.</param>
/// <param name="ProbabilityNegative">Share of draws whose mean difference is below zero.</param>
public readonly record struct PosteriorEffect(
    Estimate NoiseBand, double CredibleLow, double CredibleHigh, double? CoefficientShare, double? NoiseShare, double ProbabilityPositive, double ProbabilityNegative)
{
    public const double NoiseConfidence = 0.95;

    public const double CredibleMass = 0.90;

    /// <summary>True when the credible interval lies entirely above or entirely below zero.</summary>
    public bool CredibleExcludesZero => CredibleLow > 0 || CredibleHigh < 0;

    /// <summary>
    /// The effect from <paramref name="differences"/>, replication r - 1 at index r - 1, grouped draw by draw in
    /// blocks of <paramref name="perDraw"/>. W is the mean of the within-draw sample variances (unbiased for
    /// E[Var(diff | theta)]); B is the sample variance of the draw means minus W / R (unbiased for Var(E[diff | theta]),
    /// since a draw mean carries W / R of noise), floored at zero.
    /// </summary>
    public static PosteriorEffect Of(IReadOnlyList<double> differences, int perDraw)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perDraw, 2);
        if (differences.Count % perDraw != 0 || differences.Count / perDraw < 2)
        {
            throw new ArgumentException($"{differences.Count} differences are not at least 2 draws of {perDraw} replications", nameof(differences));
        }

        int draws = differences.Count / perDraw;
        var means = new double[draws];
        double within = 0;
        var block = new double[perDraw];
        for (int d = 0; d < draws; d++)
        {
            for (int r = 0; r < perDraw; r++)
            {
                block[r] = differences[(d * perDraw) + r];
            }

            means[d] = block.Mean();
            within += block.Variance();
        }

        within /= draws;
        double between = Math.Max(0, means.Variance() - (within / perDraw));
        double total = between + within;
        double mean = differences.Mean();
        int freedom = draws * (perDraw - 1);
        double half = within > 0 ? StudentT.InvCDF(0, 1, freedom, 0.5 + (NoiseConfidence / 2)) * Math.Sqrt(within / differences.Count) : 0;
        double tail = (1 - CredibleMass) / 2;
        return new PosteriorEffect(
            new Estimate(mean, Math.Sqrt(within), mean - half, mean + half),
            Statistics.Quantile(means, tail),
            Statistics.Quantile(means, 1 - tail),
            total > 0 ? between / total : null,
            total > 0 ? within / total : null,
            means.Count(m => m > 0) / (double)draws,
            means.Count(m => m < 0) / (double)draws);
    }
}
