namespace Mobility.Model.Metrics;

/// <summary>How a metric's yearly values combine over several years (the <c>cumulative</c> horizon of a comparison).</summary>
public enum YearAggregation
{
    /// <summary>Events or money of a year (departures, graduates, revenue): the years add up.</summary>
    Sum,

    /// <summary>A level (a stock, an image, a share, a rank, a score): its sum would mean nothing, so the years are averaged.</summary>
    Mean,
}
