namespace Mobility.Model.Observations;

using Mobility.Model.Metrics;

/// <summary>
/// One target of a fit: a published figure, or several for the same origin, destination, measure and year taken as a
/// range [<see cref="Value"/>, <see cref="High"/>], that the model can be compared with: students of <see cref="Origin"/> enrolled in
/// <see cref="Destination"/> in <see cref="Year"/> (a stock), or new departures in that year (a flow of
/// <see cref="FlowKind"/>, one of <see cref="FlowKinds"/>). <see cref="AllCountries"/>
/// ("*") on either side sums over every country but the other side.
/// </summary>
/// <param name="Weight">Relative weight in the calibration objective (default 1).</param>
/// <param name="Tolerance">
/// Relative uncertainty of the published figure (0.3 for +-30%): simulated values within a factor 1 + tolerance
/// are not penalised (0 = none).
/// </param>
public sealed record Observation(
    string Id,
    string Origin,
    string Destination,
    int Year,
    ObservationKind Kind,
    double Value,
    string Source,
    string Note,
    double Weight = 1,
    double Tolerance = 0,
    string FlowKind = FlowKinds.Degree,
    int Line = 0)
{
    public const string AllCountries = "*";

    public string Pair => $"{Origin}->{Destination}";

    /// <summary>The upper end of the range of published figures (<see cref="Value"/> is the lower end); NaN for one figure.</summary>
    public double High { get; init; } = double.NaN;

    /// <summary>The upper end of the range: <see cref="High"/>, or <see cref="Value"/> for a single figure.</summary>
    public double Upper => double.IsNaN(High) ? Value : High;

    /// <summary>Why the target cannot be compared with the model (reported, never fitted), or null.</summary>
    public string? NotComparable { get; init; }

    public bool Comparable => NotComparable is null;

    /// <summary>The published measure (observations.csv's <c>measure</c>), empty for the first format.</summary>
    public string Measure { get; init; } = "";

    /// <summary>The ids of the published figures behind the target (one, or the figures of a range).</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    /// <summary>Whether the target is about one origin and one destination (neither side is "*").</summary>
    public bool IsPair => Origin != AllCountries && Destination != AllCountries && Origin != Destination;
}
