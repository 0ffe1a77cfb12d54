namespace Mobility.Output.Runs;

using Mobility.Engine.Measurement;
using Parquet;
using Parquet.Schema;

/// <summary>
/// Writes a run's measurements as Parquet files (Snappy-compressed, one row group per <see cref="RowGroupSize"/> rows)
/// with the column API of Parquet.Net 6. Rows are sorted by their key columns before writing, so a file's contents do
/// not depend on the order in which the engine produced them (e.g. with a different number of threads).
/// </summary>
public static class ParquetOutput
{
    public const string MetricsFile = "metrics.parquet";
    public const string FlowsFile = "flows.parquet";
    public const string StocksFile = "stocks.parquet";
    public const string UniversitiesFile = "universities.parquet";

    public const int RowGroupSize = 1_000_000;

    public static readonly ParquetSchema MetricsSchema = new(
        new DataField<string>("run_id", false),
        new DataField<string>("scenario", false),
        new DataField<ulong>("seed"),
        new DataField<int>("year"),
        new DataField<string>("country", false),
        new DataField<string>("metric", false),
        new DataField<double>("value"));

    public static readonly ParquetSchema FlowsSchema = new(
        new DataField<string>("run_id", false),
        new DataField<int>("year"),
        new DataField<string>("origin", false),
        new DataField<string>("destination", false),
        new DataField<string>("kind", false),
        new DataField<double>("persons"));

    public static readonly ParquetSchema StocksSchema = new(
        new DataField<string>("run_id", false),
        new DataField<int>("year"),
        new DataField<string>("origin", false),
        new DataField<string>("destination", false),
        new DataField<double>("students"));

    public static readonly ParquetSchema UniversitiesSchema = new(
        new DataField<string>("run_id", false),
        new DataField<int>("year"),
        new DataField<string>("university", false),
        new DataField<string>("country", false),
        new DataField<double>("composite"),
        new DataField<int?>("rank"),
        new DataField<double>("students"),
        new DataField<double>("intl_students"),
        new DataField<double>("intl_staff"));

    /// <summary>Writes the four Parquet files into <paramref name="folder"/> (which must exist).</summary>
    public static async Task WriteAllAsync(string folder, RunIdentity run, RunResult result, CancellationToken cancellationToken = default)
    {
        await WriteMetricsAsync(Path.Combine(folder, MetricsFile), run, result.Metrics, cancellationToken).ConfigureAwait(false);
        await WriteFlowsAsync(Path.Combine(folder, FlowsFile), run, result.Flows, cancellationToken).ConfigureAwait(false);
        await WriteStocksAsync(Path.Combine(folder, StocksFile), run, result.Stocks, cancellationToken).ConfigureAwait(false);
        await WriteUniversitiesAsync(Path.Combine(folder, UniversitiesFile), run, result.Universities, cancellationToken).ConfigureAwait(false);
    }

    public static Task WriteMetricsAsync(string path, RunIdentity run, IEnumerable<MetricRecord> rows, CancellationToken cancellationToken = default)
    {
        var sorted = rows.OrderBy(r => r.Year).ThenBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.Metric, StringComparer.Ordinal).ToArray();
        return WriteAsync(path, MetricsSchema, sorted.Length, cancellationToken, async (group, from, count) =>
        {
            var slice = new ArraySegment<MetricRecord>(sorted, from, count);
            var f = MetricsSchema.DataFields;
            await group.WriteAsync(f[0], Repeat(run.RunId, count)).ConfigureAwait(false);
            await group.WriteAsync(f[1], Repeat(run.Scenario, count)).ConfigureAwait(false);
            await group.WriteAsync<ulong>(f[2], Repeat(run.Seed, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<int>(f[3], slice.Select(r => r.Year).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[4], slice.Select(r => r.Country).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(f[5], slice.Select(r => r.Metric).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<double>(f[6], slice.Select(r => r.Value).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        });
    }

    public static Task WriteFlowsAsync(string path, RunIdentity run, IEnumerable<FlowRecord> rows, CancellationToken cancellationToken = default)
    {
        var sorted = rows.OrderBy(r => r.Year).ThenBy(r => r.Origin, StringComparer.Ordinal).ThenBy(r => r.Destination, StringComparer.Ordinal)
            .ThenBy(r => r.Kind, StringComparer.Ordinal).ToArray();
        return WriteAsync(path, FlowsSchema, sorted.Length, cancellationToken, async (group, from, count) =>
        {
            var slice = new ArraySegment<FlowRecord>(sorted, from, count);
            var f = FlowsSchema.DataFields;
            await group.WriteAsync(f[0], Repeat(run.RunId, count)).ConfigureAwait(false);
            await group.WriteAsync<int>(f[1], slice.Select(r => r.Year).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[2], slice.Select(r => r.Origin).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(f[3], slice.Select(r => r.Destination).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(f[4], slice.Select(r => r.Kind).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<double>(f[5], slice.Select(r => r.Persons).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        });
    }

    public static Task WriteStocksAsync(string path, RunIdentity run, IEnumerable<StockRecord> rows, CancellationToken cancellationToken = default)
    {
        var sorted = rows.OrderBy(r => r.Year).ThenBy(r => r.Origin, StringComparer.Ordinal).ThenBy(r => r.Destination, StringComparer.Ordinal).ToArray();
        return WriteAsync(path, StocksSchema, sorted.Length, cancellationToken, async (group, from, count) =>
        {
            var slice = new ArraySegment<StockRecord>(sorted, from, count);
            var f = StocksSchema.DataFields;
            await group.WriteAsync(f[0], Repeat(run.RunId, count)).ConfigureAwait(false);
            await group.WriteAsync<int>(f[1], slice.Select(r => r.Year).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[2], slice.Select(r => r.Origin).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(f[3], slice.Select(r => r.Destination).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<double>(f[4], slice.Select(r => r.Students).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        });
    }

    public static Task WriteUniversitiesAsync(string path, RunIdentity run, IEnumerable<UniversityRecord> rows, CancellationToken cancellationToken = default)
    {
        var sorted = rows.OrderBy(r => r.Year).ThenBy(r => r.University, StringComparer.Ordinal).ToArray();
        return WriteAsync(path, UniversitiesSchema, sorted.Length, cancellationToken, async (group, from, count) =>
        {
            var slice = new ArraySegment<UniversityRecord>(sorted, from, count);
            var f = UniversitiesSchema.DataFields;
            await group.WriteAsync(f[0], Repeat(run.RunId, count)).ConfigureAwait(false);
            await group.WriteAsync<int>(f[1], slice.Select(r => r.Year).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[2], slice.Select(r => r.University).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(f[3], slice.Select(r => r.Country).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<double>(f[4], slice.Select(r => r.Composite).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<int>(f[5], slice.Select(r => r.Rank).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[6], slice.Select(r => r.Students).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[7], slice.Select(r => r.IntlStudents).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(f[8], slice.Select(r => r.IntlStaff).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>The writer options every output uses: Snappy, pinned explicitly.</summary>
    public static ParquetOptions Options() => new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        CompressionLevel = System.IO.Compression.CompressionLevel.Optimal,
        RowGroupSize = RowGroupSize,
    };

    private static async Task WriteAsync(
        string path, ParquetSchema schema, int rowCount, CancellationToken cancellationToken,
        Func<ParquetRowGroupWriter, int, int, Task> writeGroup)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream, Options(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // An empty table still gets one (empty) row group, so that readers see the schema and zero rows.
            int from = 0;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = Math.Min(RowGroupSize, rowCount - from);
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                await writeGroup(group, from, count).ConfigureAwait(false);
                from += count;
            }
            while (from < rowCount);
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static T[] Repeat<T>(T value, int count)
    {
        var values = new T[count];
        Array.Fill(values, value);
        return values;
    }
}
