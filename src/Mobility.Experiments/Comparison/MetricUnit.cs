namespace Mobility.Experiments.Comparison;

/// <summary>How a metric's values read: a 0..1 score, a 0..1 share (shown in percent), persons, US dollars, a rank.</summary>
public enum MetricUnit
{
    Score,
    Share,
    Persons,
    Usd,
    Rank,
    Number,
}
