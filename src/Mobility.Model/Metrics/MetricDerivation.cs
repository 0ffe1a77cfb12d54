namespace Mobility.Model.Metrics;

/// <summary>
/// How a metric that the engine does not measure is computed from ones it does, per country and year (e.g. net brain
/// gain from brain gain and brain drain). <paramref name="Combine"/> receives the inputs' values in the order of
/// <paramref name="Inputs"/>.
/// </summary>
public sealed record MetricDerivation(IReadOnlyList<Metric> Inputs, Func<IReadOnlyList<double>, double> Combine);
