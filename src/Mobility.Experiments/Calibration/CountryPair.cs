namespace Mobility.Experiments.Calibration;

/// <summary>An origin and a destination (country codes): the key of a pair constant <c>choice:pairShift:ORIGIN:DESTINATION</c>.</summary>
public readonly record struct CountryPair(string Origin, string Destination)
{
    /// <summary>The configuration path of the pair's constant.</summary>
    public string Path => $"choice:pairShift:{Origin}:{Destination}";

    public override string ToString() => $"{Origin}->{Destination}";
}
