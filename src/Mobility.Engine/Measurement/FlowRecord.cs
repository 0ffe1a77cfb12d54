namespace Mobility.Engine.Measurement;

/// <summary>
/// New departures in a year: <see cref="Kind"/> is "degree", "credit" or "scholar", or "national_scholarship" (the
/// degree departures funded by a national scholarship, also counted in "degree"); counts are persons.
/// </summary>
public readonly record struct FlowRecord(int Year, string Origin, string Destination, string Kind, double Persons);
