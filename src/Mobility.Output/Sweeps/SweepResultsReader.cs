namespace Mobility.Output.Sweeps;

using Mobility.Experiments.Sweeps;
using Mobility.Input;

/// <summary>Reads one scalar output per run (a metric of a country in a year) from a merged <c>results.parquet</c>.</summary>
public static class SweepResultsReader
{
    /// <summary>What the results hold for a metric: its countries and years.</summary>
    public sealed record Coverage(IReadOnlyList<string> Countries, IReadOnlyList<int> Years);

    /// <summary>
    /// The value of <paramref name="metric"/> for <paramref name="country"/> in <paramref name="year"/>, per run id.
    /// A null country is allowed when the metric has one country only, a null year means the last year.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<int, double> Values, string Country, int Year)> ReadAsync(
        SweepFolder folder, SweepPlan plan, string metric, string? country, int? year, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(folder.Results))
        {
            throw new InputException($"{PathDisplay.Of(folder.Results)} not found: run 'mobility merge {folder.Display}' first");
        }

        var columns = await SweepParquet.ReadColumnsAsync(folder.Results, cancellationToken, new HashSet<string> { "run_id", "year", "country", "metric", "value" })
            .ConfigureAwait(false);
        var ids = (int[])columns["run_id"];
        var years = (int[])columns["year"];
        var countries = (string[])columns["country"];
        var metrics = (string[])columns["metric"];
        var values = (double[])columns["value"];

        var rows = Enumerable.Range(0, ids.Length).Where(i => metrics[i] == metric).ToArray();
        if (rows.Length == 0)
        {
            string kept = string.Join(", ", metrics.Distinct().Order(StringComparer.Ordinal));
            throw new InputException($"--metric {metric}: not in the results (the sweep kept: {kept})");
        }

        var coverage = new Coverage(
            rows.Select(i => countries[i]).Distinct().Order(StringComparer.Ordinal).ToArray(),
            rows.Select(i => years[i]).Distinct().Order().ToArray());
        string chosenCountry = country ?? (coverage.Countries.Count == 1
            ? coverage.Countries[0]
            : throw new InputException($"--country is needed: {metric} is kept for {string.Join(", ", coverage.Countries)}"));
        if (!coverage.Countries.Contains(chosenCountry))
        {
            throw new InputException($"--country {chosenCountry}: {metric} is kept only for {string.Join(", ", coverage.Countries)}");
        }

        int chosenYear = year ?? coverage.Years[^1];
        if (!coverage.Years.Contains(chosenYear))
        {
            throw new InputException($"--year {chosenYear}: {metric} is kept only for {string.Join(", ", coverage.Years)}");
        }

        var byRun = new Dictionary<int, double>();
        foreach (int i in rows)
        {
            if (countries[i] == chosenCountry && years[i] == chosenYear)
            {
                byRun[ids[i]] = values[i];
            }
        }

        int missing = plan.Runs.Count - byRun.Count;
        if (missing != 0)
        {
            throw new InputException($"{PathDisplay.Of(folder.Results)} has {byRun.Count} values of {metric}/{chosenCountry}/{chosenYear} for {plan.Runs.Count} planned runs; merge again");
        }

        return (byRun, chosenCountry, chosenYear);
    }
}
