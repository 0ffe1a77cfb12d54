namespace Mobility.Model.Observations;

using Mobility.Model.Metrics;

/// <summary>
/// One published figure the model can be compared with: students of <see cref="Origin"/> enrolled in
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
}
