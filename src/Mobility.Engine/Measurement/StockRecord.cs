namespace Mobility.Engine.Measurement;

/// <summary>Students of <see cref="Origin"/> enrolled in <see cref="Destination"/> in a year (persons), as official statistics count them.</summary>
public readonly record struct StockRecord(int Year, string Origin, string Destination, double Students);
