namespace Mobility.Experiments.Comparison;

/// <summary>The horizons a comparison summarises each metric over (values of the <c>horizon</c> column).</summary>
public static class Horizons
{
    /// <summary>The value in the last reported year.</summary>
    public const string Final = "final";

    /// <summary>
    /// Over all reported years: the total for metrics that add up over years (persons or dollars per year), the mean
    /// for levels (stocks, images, shares, ranks, scores), as each metric's record says
    /// (<see cref="Mobility.Model.Metrics.Metric.OverYears"/>).
    /// </summary>
    public const string Cumulative = "cumulative";

    /// <summary>
    /// The reported year in which the scenario's mean paired difference from the reference is largest in size (the
    /// latest such year in a tie, so a metric that never differs peaks in the final year); only for scenarios other
    /// than the reference. A shock that ends early shows its peak here and its residue under <see cref="Final"/>.
    /// </summary>
    public const string Peak = "peak";

    /// <summary>Every horizon, in the order of the summary's rows (the reference has no <see cref="Peak"/> row).</summary>
    public static readonly IReadOnlyList<string> All = [Final, Cumulative, Peak];
}
