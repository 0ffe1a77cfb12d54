namespace Mobility.Experiments.Comparison;

/// <summary>A sample mean with its standard deviation and a two-sided confidence interval.</summary>
public readonly record struct Estimate(double Mean, double StandardDeviation, double Low, double High)
{
    /// <summary>True when the interval lies entirely above or entirely below zero.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;
}
