namespace Mobility.Experiments.Comparison;

/// <summary>
/// One row of <c>summary.parquet</c>: a metric of a country under a scenario over a horizon, across replications.
/// The difference columns are null for the reference scenario. <see cref="Year"/> is the year a <c>final</c> or
/// <c>peak</c> row describes, null for <c>cumulative</c>. Over a posterior, <see cref="Posterior"/> holds the total
/// interval, the variance shares and the probability of a positive effect of a difference row, and the difference
/// columns hold the noise-only band (see <see cref="PosteriorEffect"/>).
/// </summary>
public sealed record SummaryRow(
    string Scenario,
    string Country,
    string Metric,
    string Horizon,
    double Mean,
    double Sd,
    double CiLow,
    double CiHigh,
    double? Diff,
    double? DiffLow,
    double? DiffHigh,
    bool? Significant,
    double? VarianceReduction,
    int? Year,
    PosteriorEffect? Posterior = null);
