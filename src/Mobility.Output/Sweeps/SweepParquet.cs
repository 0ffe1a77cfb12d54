namespace Mobility.Output.Sweeps;

using Mobility.Input;
using Mobility.Output.Files;
using Mobility.Output.Runs;
using Parquet;
using Parquet.Schema;

/// <summary>
/// The Parquet files of a sweep, written atomically (temporary file, then rename) with Parquet.Net's column API:
/// design.parquet (run_id, point, parameters..., replicate, seed), shard files (run_id, parameters..., year, country,
/// metric, value) and results.parquet (run_id, point, replicate, seed, parameters..., year, country, metric, value).
/// Parameters are double columns named by the design.
/// </summary>
public static class SweepParquet
{
    public static ParquetSchema RowsSchema(IEnumerable<string> parameters) => new(
        new Field[] { new DataField<int>("run_id") }
            .Concat(parameters.Select(p => new DataField<double>(p)))
            .Concat([new DataField<int>("year"), new DataField<string>("country", false), new DataField<string>("metric", false), new DataField<double>("value")])
            .ToArray());

    public static ParquetSchema ResultsSchema(IEnumerable<string> parameters) => new(
        new Field[] { new DataField<int>("run_id"), new DataField<int>("point"), new DataField<int>("replicate"), new DataField<ulong>("seed") }
            .Concat(parameters.Select(p => new DataField<double>(p)))
            .Concat([new DataField<int>("year"), new DataField<string>("country", false), new DataField<string>("metric", false), new DataField<double>("value")])
            .ToArray());

    public static ParquetSchema DesignSchema(IEnumerable<string> parameters) => new(
        new Field[] { new DataField<int>("run_id"), new DataField<int>("point") }
            .Concat(parameters.Select(p => new DataField<double>(p)))
            .Concat([new DataField<int>("replicate"), new DataField<ulong>("seed")])
            .ToArray());

    /// <summary>Writes one table (one row group per call of <paramref name="groups"/>' items) atomically.</summary>
    public static Task WriteAsync(string path, ParquetSchema schema, IEnumerable<Array[]> groups, CancellationToken cancellationToken = default)
        => AtomicFile.WriteAsync(path, async stream =>
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, ParquetOutput.Options(), cancellationToken: cancellationToken).ConfigureAwait(false);
            DataField[] fields = schema.GetDataFields();
            bool any = false;
            foreach (Array[] columns in groups)
            {
                cancellationToken.ThrowIfCancellationRequested();
                any = true;
                await WriteGroupAsync(writer, fields, columns, cancellationToken).ConfigureAwait(false);
            }

            if (!any)
            {
                // An empty table still gets one empty row group, so readers see the schema and zero rows.
                await WriteGroupAsync(writer, fields, fields.Select(f => Array.CreateInstance(f.ClrType, 0)).ToArray(), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

    public static Task WriteRowsAsync(string path, SweepRows rows, CancellationToken cancellationToken = default)
        => WriteAsync(path, RowsSchema(rows.ParameterNames), [RowsColumns(rows)], cancellationToken);

    public static Array[] RowsColumns(SweepRows rows)
        => new Array[] { rows.RunId.ToArray() }
            .Concat(rows.Parameters.Select(p => (Array)p.ToArray()))
            .Concat([rows.Year.ToArray(), rows.Country.ToArray(), rows.Metric.ToArray(), rows.Value.ToArray()])
            .ToArray();

    /// <summary>Reads a shard file (or chunk) written by <see cref="WriteRowsAsync"/>; its parameters must be <paramref name="parameters"/>.</summary>
    public static async Task<SweepRows> ReadRowsAsync(string path, IReadOnlyList<string> parameters, CancellationToken cancellationToken = default)
    {
        var table = await ReadColumnsAsync(path, cancellationToken).ConfigureAwait(false);
        string[] expected = RowsSchema(parameters).GetDataFields().Select(f => f.Name).ToArray();
        if (!table.Keys.SequenceEqual(expected))
        {
            throw new InputException($"{PathDisplay.Of(path)} has columns {string.Join(", ", table.Keys)}; expected {string.Join(", ", expected)} (a file of another sweep?)");
        }

        var rows = new SweepRows(parameters);
        rows.RunId.AddRange((int[])table["run_id"]);
        for (int p = 0; p < parameters.Count; p++)
        {
            rows.Parameters[p].AddRange((double[])table[parameters[p]]);
        }

        rows.Year.AddRange((int[])table["year"]);
        rows.Country.AddRange((string[])table["country"]);
        rows.Metric.AddRange((string[])table["metric"]);
        rows.Value.AddRange((double[])table["value"]);
        return rows;
    }

    /// <summary>Reads every column of a flat file (int, long, ulong, double, string), row groups concatenated, in schema order.</summary>
    public static async Task<IReadOnlyDictionary<string, Array>> ReadColumnsAsync(
        string path, CancellationToken cancellationToken = default, IReadOnlySet<string>? only = null)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            DataField[] fields = reader.Schema.GetDataFields().Where(f => only is null || only.Contains(f.Name)).ToArray();
            var parts = fields.Select(_ => new List<Array>()).ToArray();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int count = checked((int)group.RowCount);
                for (int c = 0; c < fields.Length; c++)
                {
                    parts[c].Add(await ReadColumnAsync(group, fields[c], count, cancellationToken).ConfigureAwait(false));
                }
            }

            var ordered = new List<KeyValuePair<string, Array>>();
            for (int c = 0; c < fields.Length; c++)
            {
                Type type = IsString(fields[c]) ? typeof(string) : fields[c].ClrType;
                Array all = Array.CreateInstance(type, parts[c].Sum(a => a.Length));
                int at = 0;
                foreach (Array part in parts[c])
                {
                    Array.Copy(part, 0, all, at, part.Length);
                    at += part.Length;
                }

                ordered.Add(new(fields[c].Name, all));
            }

            return new OrderedColumns(ordered);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException)
        {
            throw new InputException($"{PathDisplay.Of(path)} could not be read as Parquet: {ex.Message}");
        }
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, DataField[] fields, Array[] columns, CancellationToken ct)
    {
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int c = 0; c < fields.Length; c++)
        {
            switch (columns[c])
            {
                case int[] ints:
                    await group.WriteAsync<int>(fields[c], ints, cancellationToken: ct).ConfigureAwait(false);
                    break;
                // Before long[]: the runtime lets a ulong[] pass as a long[] (same size), which would write the wrong type.
                case ulong[] ulongs:
                    await group.WriteAsync<ulong>(fields[c], ulongs, cancellationToken: ct).ConfigureAwait(false);
                    break;
                case long[] longs:
                    await group.WriteAsync<long>(fields[c], longs, cancellationToken: ct).ConfigureAwait(false);
                    break;
                case double[] doubles:
                    await group.WriteAsync<double>(fields[c], doubles, cancellationToken: ct).ConfigureAwait(false);
                    break;
                case string[] strings:
                    await group.WriteAsync(fields[c], strings).ConfigureAwait(false);
                    break;
                default:
                    throw new NotSupportedException($"column {fields[c].Name}: unsupported type {columns[c].GetType().Name}");
            }
        }
    }

    private static bool IsString(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
    {
        if (IsString(field))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return strings.Select(s => s ?? "").ToArray();
        }

        if (field.ClrType == typeof(int))
        {
            return await ReadValuesAsync<int>(group, field, count, ct).ConfigureAwait(false);
        }

        if (field.ClrType == typeof(long))
        {
            return await ReadValuesAsync<long>(group, field, count, ct).ConfigureAwait(false);
        }

        if (field.ClrType == typeof(ulong))
        {
            return await ReadValuesAsync<ulong>(group, field, count, ct).ConfigureAwait(false);
        }

        if (field.ClrType == typeof(double))
        {
            return await ReadValuesAsync<double>(group, field, count, ct).ConfigureAwait(false);
        }

        throw new NotSupportedException($"column '{field.Name}' has type {field.ClrType.Name}");
    }

    private static async Task<T[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
        where T : struct
    {
        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return values;
    }

    /// <summary>A read-only dictionary that enumerates its columns in file order.</summary>
    private sealed class OrderedColumns(List<KeyValuePair<string, Array>> columns) : IReadOnlyDictionary<string, Array>
    {
        public Array this[string key] => columns.First(c => c.Key == key).Value;

        public IEnumerable<string> Keys => columns.Select(c => c.Key);

        public IEnumerable<Array> Values => columns.Select(c => c.Value);

        public int Count => columns.Count;

        public bool ContainsKey(string key) => columns.Any(c => c.Key == key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Array value)
        {
            int i = columns.FindIndex(c => c.Key == key);
            value = i >= 0 ? columns[i].Value : null;
            return i >= 0;
        }

        public IEnumerator<KeyValuePair<string, Array>> GetEnumerator() => columns.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
