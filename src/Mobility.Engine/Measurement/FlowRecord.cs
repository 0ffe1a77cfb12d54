namespace Mobility.Engine.Measurement;

using Mobility.Model.Metrics;

/// <summary>
/// New departures in a year: <see cref="Kind"/> is one of <see cref="FlowKinds"/> ("national_scholarship" rows are
/// the degree departures funded by a national scholarship, also counted in "degree"); counts are persons.
/// </summary>
public readonly record struct FlowRecord(int Year, string Origin, string Destination, string Kind, double Persons);
