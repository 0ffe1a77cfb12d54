namespace Mobility.Reports.Comparison;

using Mobility.Experiments.Comparison;
using Mobility.Input.Configuration;

/// <summary>What a comparison report is built from.</summary>
/// <param name="Runs">The finished runs (the first scenario is the reference).</param>
/// <param name="Summary">The statistics, as written to summary.parquet.</param>
/// <param name="Scenarios">The loaded scenarios, in the order of <paramref name="Runs"/>, for their resolved settings.</param>
/// <param name="Parameters">How the comparison was run (replications, seeds, scale, threads, command, timings), in display order.</param>
/// <param name="Fit">One line on how well the reference scenario reproduces published figures (from the shipped fit summary), or null.</param>
public sealed record ComparisonReportInput(
    ComparisonRuns Runs,
    IReadOnlyList<SummaryRow> Summary,
    IReadOnlyList<LoadedScenario> Scenarios,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string? Fit = null);
