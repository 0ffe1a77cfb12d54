namespace Mobility.Output.Comparison;

using System.Globalization;
using System.Text;
using Mobility.Experiments.Comparison;
using Mobility.Output.Runs;
using Parquet;
using Parquet.Schema;

/// <summary>
/// The data files of a comparison: <c>runs.parquet</c> (every replication's yearly metrics: the schema of
/// <c>metrics.parquet</c> plus <c>replicate</c>), and the statistics as <c>summary.parquet</c> and <c>summary.csv</c>.
/// </summary>
public static class ComparisonOutput
{
    public const string RunsFile = "runs.parquet";
    public const string SummaryFile = "summary.parquet";
    public const string SummaryCsvFile = "summary.csv";

    public static readonly ParquetSchema RunsSchema = new(
        new DataField<string>("run_id", false),
        new DataField<string>("scenario", false),
        new DataField<ulong>("seed"),
        new DataField<int>("replicate"),
        new DataField<int>("year"),
        new DataField<string>("country", false),
        new DataField<string>("metric", false),
        new DataField<double>("value"));

    /// <summary>
    /// The columns of <c>runs.parquet</c> over a posterior: <see cref="RunsSchema"/> followed by <c>draw</c> (0-based,
    /// the same for every scenario of a replication) and <c>particle</c> (the row of the posterior file it was drawn from).
    /// </summary>
    public static readonly ParquetSchema PosteriorRunsSchema = new(
        RunsSchema.DataFields.Concat(new Field[] { new DataField<int>("draw"), new DataField<int>("particle") }).ToArray());

    /// <summary>
    /// The summary's columns, in this order (also the CSV header); <c>year</c>, added last so that the earlier
    /// columns keep their positions, is the year a <c>final</c> or <c>peak</c> row describes (empty for <c>cumulative</c>).
    /// </summary>
    public static readonly ParquetSchema SummarySchema = new(
        new DataField<string>("scenario", false),
        new DataField<string>("country", false),
        new DataField<string>("metric", false),
        new DataField<string>("horizon", false),
        new DataField<double>("mean"),
        new DataField<double>("sd"),
        new DataField<double>("ci_low"),
        new DataField<double>("ci_high"),
        new DataField<double?>("diff"),
        new DataField<double?>("diff_low"),
        new DataField<double?>("diff_high"),
        new DataField<bool?>("significant"),
        new DataField<double?>("variance_reduction"),
        new DataField<int?>("year"));

    /// <summary>
    /// The summary's columns over a posterior (<c>compare --posterior</c>): <see cref="SummarySchema"/> followed by
    /// the total (90% credible) interval of the difference, the shares of its variance due to the coefficients and to
    /// simulation noise, and the share of draws whose difference is above zero; null on the reference's rows.
    /// </summary>
    public static readonly ParquetSchema PosteriorSummarySchema = new(
        SummarySchema.DataFields.Concat(new Field[]
        {
            new DataField<double?>("total_low"),
            new DataField<double?>("total_high"),
            new DataField<double?>("share_coefficients"),
            new DataField<double?>("share_noise"),
            new DataField<double?>("probability_positive"),
        }).ToArray());

    /// <summary>Writes the three files into <paramref name="folder"/>.</summary>
    public static async Task WriteAllAsync(string folder, ComparisonRuns runs, double scale, IReadOnlyList<SummaryRow> summary, CancellationToken cancellationToken = default)
    {
        await WriteRunsAsync(Path.Combine(folder, RunsFile), runs, scale, cancellationToken).ConfigureAwait(false);
        await WriteSummaryAsync(Path.Combine(folder, SummaryFile), summary, cancellationToken).ConfigureAwait(false);
        await WriteSummaryCsvAsync(Path.Combine(folder, SummaryCsvFile), summary, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One row per scenario, replication, year, country and metric, in that order; <c>run_id</c> is the run's
    /// identity as <c>mobility run</c> would name it (scenario, seed, scale).
    /// </summary>
    public static async Task WriteRunsAsync(string path, ComparisonRuns runs, double scale, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        ParquetSchema schema = runs.Draws is null ? RunsSchema : PosteriorRunsSchema;
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream, ParquetOutput.Options(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var f = schema.DataFields;

            // One row group per scenario: large enough for fast reading, small enough to build in memory.
            for (int s = 0; s < runs.Scenarios.Count; s++)
            {
                string scenario = runs.Scenarios[s].Name;
                var runIds = new List<string>();
                var seeds = new List<ulong>();
                var replicates = new List<int>();
                var rows = new List<Mobility.Engine.Measurement.MetricRecord>();
                for (int r = 1; r <= runs.Replications; r++)
                {
                    ReplicationOutcome outcome = runs.Outcome(s, r);
                    string runId = RunIdentity.FormatRunId(scenario, outcome.Seed, scale);
                    var sorted = outcome.Metrics
                        .OrderBy(m => m.Year).ThenBy(m => m.Country, StringComparer.Ordinal).ThenBy(m => m.Metric, StringComparer.Ordinal);
                    foreach (var m in sorted)
                    {
                        rows.Add(m);
                        runIds.Add(runId);
                        seeds.Add(outcome.Seed);
                        replicates.Add(r);
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync(f[0], runIds.ToArray()).ConfigureAwait(false);
                await group.WriteAsync(f[1], Enumerable.Repeat(scenario, rows.Count).ToArray()).ConfigureAwait(false);
                await group.WriteAsync<ulong>(f[2], seeds.ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<int>(f[3], replicates.ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<int>(f[4], rows.Select(m => m.Year).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync(f[5], rows.Select(m => m.Country).ToArray()).ConfigureAwait(false);
                await group.WriteAsync(f[6], rows.Select(m => m.Metric).ToArray()).ConfigureAwait(false);
                await group.WriteAsync<double>(f[7], rows.Select(m => m.Value).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (runs.Draws is ComparisonDraws draws)
                {
                    int[] drawOf = replicates.Select(draws.DrawOf).ToArray();
                    await group.WriteAsync<int>(f[8], drawOf, cancellationToken: cancellationToken).ConfigureAwait(false);
                    await group.WriteAsync<int>(f[9], drawOf.Select(d => draws.Particles[d]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The summary's schema: <see cref="PosteriorSummarySchema"/> when a row has posterior statistics, else <see cref="SummarySchema"/>.</summary>
    public static ParquetSchema SchemaFor(IReadOnlyList<SummaryRow> rows) => rows.Any(r => r.Posterior is not null) ? PosteriorSummarySchema : SummarySchema;

    public static async Task WriteSummaryAsync(string path, IReadOnlyList<SummaryRow> rows, CancellationToken cancellationToken = default)
    {
        ParquetSchema schema = SchemaFor(rows);
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream, ParquetOutput.Options(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var f = schema.DataFields;
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(f[0], rows.Select(r => r.Scenario).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(f[1], rows.Select(r => r.Country).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(f[2], rows.Select(r => r.Metric).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(f[3], rows.Select(r => r.Horizon).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<double>(f[4], rows.Select(r => r.Mean).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[5], rows.Select(r => r.Sd).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[6], rows.Select(r => r.CiLow).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[7], rows.Select(r => r.CiHigh).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[8], rows.Select(r => r.Diff).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[9], rows.Select(r => r.DiffLow).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[10], rows.Select(r => r.DiffHigh).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<bool>(f[11], rows.Select(r => r.Significant).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[12], rows.Select(r => r.VarianceReduction).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<int>(f[13], rows.Select(r => r.Year).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (f.Length > 14)
            {
                await group.WriteAsync<double>(f[14], rows.Select(r => r.Posterior?.CredibleLow).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<double>(f[15], rows.Select(r => r.Posterior?.CredibleHigh).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<double>(f[16], rows.Select(r => r.Posterior?.CoefficientShare).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<double>(f[17], rows.Select(r => r.Posterior?.NoiseShare).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<double>(f[18], rows.Select(r => r.Posterior?.ProbabilityPositive).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same table as CSV: a header line, numbers in round-trip form, empty cells for nulls.</summary>
    public static async Task WriteSummaryCsvAsync(string path, IReadOnlyList<SummaryRow> rows, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        bool posterior = SchemaFor(rows) == PosteriorSummarySchema;
        text.AppendJoin(',', SchemaFor(rows).DataFields.Select(f => f.Name)).Append('\n');
        foreach (SummaryRow r in rows)
        {
            text.AppendJoin(',',
                Quote(r.Scenario), Quote(r.Country), Quote(r.Metric), Quote(r.Horizon),
                Number(r.Mean), Number(r.Sd), Number(r.CiLow), Number(r.CiHigh),
                Number(r.Diff), Number(r.DiffLow), Number(r.DiffHigh),
                r.Significant is bool b ? (b ? "true" : "false") : "",
                Number(r.VarianceReduction),
                r.Year is int year ? year.ToString(CultureInfo.InvariantCulture) : "");
            if (posterior)
            {
                text.Append(',').AppendJoin(',',
                    Number(r.Posterior?.CredibleLow), Number(r.Posterior?.CredibleHigh), Number(r.Posterior?.CoefficientShare),
                    Number(r.Posterior?.NoiseShare), Number(r.Posterior?.ProbabilityPositive));
            }

            text.Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private static string Number(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string value)
        => value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
