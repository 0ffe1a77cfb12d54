namespace Mobility.Engine.Measurement;

/// <summary>One value of one metric (a name of <see cref="Mobility.Model.Metrics.MetricCatalogue"/>) for one country in one reported year (long format).</summary>
public readonly record struct MetricRecord(int Year, string Country, string Metric, double Value);
