namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;

/// <summary>
/// An origin and a destination (country codes): the key of a pair constant <c>choice:pairShift:ORIGIN:DESTINATION</c>,
/// or, with <c>*</c> on one side, of the fixed effect the figures about all of one member's students abroad
/// (<c>degreeMobility:originShift:ORIGIN</c>) or all the foreign students of one member host
/// (<c>choice:destinationShift:HOST</c>) fit.
/// </summary>
public readonly record struct CountryPair(string Origin, string Destination)
{
    /// <summary>An origin's total abroad: its key is the origin's propensity shift.</summary>
    public static CountryPair OriginTotal(string origin) => new(origin, Observation.AllCountries);

    /// <summary>A host's foreign students from everywhere: its key is the host's destination shift.</summary>
    public static CountryPair HostTotal(string host) => new(Observation.AllCountries, host);

    /// <summary>Whether this is an origin's or a host's total rather than one pair.</summary>
    public bool IsTotal => Origin == Observation.AllCountries || Destination == Observation.AllCountries;

    /// <summary>The configuration path of the pair's constant (of the origin's or host's shift for a total).</summary>
    public string Path => Destination == Observation.AllCountries ? $"degreeMobility:originShift:{Origin}"
        : Origin == Observation.AllCountries ? $"choice:destinationShift:{Destination}"
        : $"choice:pairShift:{Origin}:{Destination}";

    public override string ToString() => $"{Origin}->{Destination}";
}
