namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;

/// <summary>
/// An origin and a destination (country codes) and the choice a constant of theirs enters: the key of a pair constant
/// <c>choice:pairShift:ORIGIN:DESTINATION</c> (degree), <c>creditMobility:pairShift:ORIGIN:DESTINATION</c> (credit
/// stays) or <c>choice:scholarshipPairShift:ORIGIN:DESTINATION</c> (national-scholarship holders); or, with <c>*</c>
/// on one side, of the fixed effect the figures about all of one member's students abroad
/// (<c>degreeMobility:originShift:ORIGIN</c>) or all the foreign students of one member host
/// (<c>choice:destinationShift:HOST</c>) fit.
/// </summary>
public readonly record struct CountryPair(string Origin, string Destination, PairSegment Segment = PairSegment.Degree)
{
    /// <summary>An origin's total abroad: its key is the origin's propensity shift.</summary>
    public static CountryPair OriginTotal(string origin) => new(origin, Observation.AllCountries);

    /// <summary>A host's foreign students from everywhere: its key is the host's destination shift.</summary>
    public static CountryPair HostTotal(string host) => new(Observation.AllCountries, host);

    /// <summary>Whether this is an origin's or a host's total rather than one pair.</summary>
    public bool IsTotal => Origin == Observation.AllCountries || Destination == Observation.AllCountries;

    /// <summary>The pair whatever its segment: cross-validation holds out an origin and a destination with all their constants.</summary>
    public CountryPair Degree => this with { Segment = PairSegment.Degree };

    /// <summary>The configuration path of the pair's constant (of the origin's or host's shift for a total).</summary>
    public string Path => Destination == Observation.AllCountries ? $"degreeMobility:originShift:{Origin}"
        : Origin == Observation.AllCountries ? $"choice:destinationShift:{Destination}"
        : $"{Prefix(Segment)}{Origin}:{Destination}";

    /// <summary>The configuration path of a segment's constants up to the origin (<c>choice:pairShift:</c>, ...).</summary>
    public static string Prefix(PairSegment segment) => segment switch
    {
        PairSegment.Credit => "creditMobility:pairShift:",
        PairSegment.Scholarship => "choice:scholarshipPairShift:",
        _ => "choice:pairShift:",
    };

    public override string ToString() => Segment == PairSegment.Degree ? $"{Origin}->{Destination}" : $"{Origin}->{Destination} ({Segment.ToString().ToLowerInvariant()})";
}
