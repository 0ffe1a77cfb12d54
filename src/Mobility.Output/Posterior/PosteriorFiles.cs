namespace Mobility.Output.Posterior;

using System.Globalization;
using System.Text;
using Mobility.Experiments.Posterior;
using Mobility.Model.Uncertainty;
using Mobility.Output.Files;
using Mobility.Output.Runs;
using Mobility.Output.Sweeps;
using Parquet.Schema;

/// <summary>
/// The outputs of a posterior, each written atomically: <c>posterior.parquet</c> (the pool of all generations at the
/// final temperature: each particle's generation, draw, weight, distance, one double column per coefficient; weights
/// sum to 1), <c>generations.parquet</c> (every generation at its own temperature) and <c>diagnostics.csv</c> (per
/// generation: temperature, simulations, effective sample size, the pool's, weighted median distance, elapsed seconds).
/// </summary>
public static class PosteriorFiles
{
    public static readonly IReadOnlyList<string> DiagnosticsColumns =
        ["generation", "temperature", "simulations", "ess", "pooled_ess", "median_distance", "elapsed_s"];

    public static ParquetSchema Schema(JointPrior prior) => new(
        new Field[] { new DataField<int>("generation"), new DataField<int>("draw"), new DataField<double>("weight"), new DataField<double>("distance") }
            .Concat(prior.Coefficients.Select(c => new DataField<double>(c.Name)))
            .ToArray());

    public static async Task WriteAsync(PosteriorFolder folder, PosteriorResult result, CancellationToken cancellationToken = default)
    {
        await SweepParquet.WriteAsync(folder.PosteriorParquet, Schema(result.Prior), [Columns(result.Posterior)], cancellationToken).ConfigureAwait(false);
        await SweepParquet.WriteAsync(folder.GenerationsParquet, Schema(result.Prior), result.Generations.Select(Columns).ToArray(), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(folder.Diagnostics, DiagnosticsCsv(result.Diagnostics), cancellationToken).ConfigureAwait(false);
    }

    public static string DiagnosticsCsv(IEnumerable<GenerationRecord> records)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", DiagnosticsColumns));
        foreach (GenerationRecord r in records)
        {
            csv.AppendLine(string.Join(",",
                r.Generation.ToString(CultureInfo.InvariantCulture), r.Temperature.ToString("R", CultureInfo.InvariantCulture),
                r.Simulations.ToString(CultureInfo.InvariantCulture), r.EffectiveSampleSize.ToString("F1", CultureInfo.InvariantCulture),
                r.PooledEffectiveSampleSize.ToString("F1", CultureInfo.InvariantCulture),
                r.MedianDistance.ToString("R", CultureInfo.InvariantCulture), r.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)));
        }

        return csv.ToString();
    }

    private static Array[] Columns(Population population)
        => new Array[]
            {
                population.GenerationOf.ToArray(),
                Enumerable.Range(0, population.Count).ToArray(),
                population.Weights.ToArray(),
                population.Distances.ToArray(),
            }
            .Concat(Enumerable.Range(0, population.Dimension).Select(k => (Array)population.Thetas.Select(t => t[k]).ToArray()))
            .ToArray();
}
