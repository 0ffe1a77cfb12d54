namespace Mobility.Experiments.Comparison;

/// <summary>The two horizons a comparison summarises each metric over (values of the <c>horizon</c> column).</summary>
public static class Horizons
{
    /// <summary>The value in the last reported year.</summary>
    public const string Final = "final";

    /// <summary>
    /// Over all reported years: the total for flow metrics (persons or dollars per year, see
    /// <see cref="MetricKinds.IsFlow"/>), the mean over the years for levels (stocks, images, shares, ranks, scores),
    /// whose sum would mean nothing.
    /// </summary>
    public const string Cumulative = "cumulative";

    public static readonly IReadOnlyList<string> All = [Final, Cumulative];
}
