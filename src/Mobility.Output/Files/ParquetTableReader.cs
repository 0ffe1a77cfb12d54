namespace Mobility.Output.Files;

using Parquet;
using Parquet.Schema;

/// <summary>A column of a Parquet file: its name, CLR type (without nullability) and whether it may hold nulls.</summary>
public sealed record ParquetColumn(string Name, Type ClrType, bool IsNullable);

/// <summary>A whole Parquet file in memory, row by row (for tests and small tools, not for large files).</summary>
public sealed class ParquetTable
{
    public ParquetTable(IReadOnlyList<ParquetColumn> columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, int rowGroups)
    {
        Columns = columns;
        Rows = rows;
        RowGroups = rowGroups;
    }

    public IReadOnlyList<ParquetColumn> Columns { get; }

    /// <summary>Rows as column name → value (string, int, long, ulong, double, bool, or null).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows { get; }

    public int RowGroups { get; }

    public IEnumerable<T?> Column<T>(string name) => Rows.Select(r => (T?)r[name]);
}

/// <summary>Reads a flat Parquet file (primitive and string columns) completely.</summary>
public static class ParquetTableReader
{
    public static async Task<ParquetTable> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        DataField[] fields = reader.Schema.GetDataFields();
        var columns = fields.Select(f => new ParquetColumn(f.Name, IsString(f) ? typeof(string) : f.ClrType, f.IsNullable)).ToArray();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            var values = new object?[fields.Length][];
            for (int c = 0; c < fields.Length; c++)
            {
                values[c] = await ReadColumnAsync(group, fields[c], count, cancellationToken).ConfigureAwait(false);
            }

            for (int r = 0; r < count; r++)
            {
                var row = new Dictionary<string, object?>(fields.Length, StringComparer.Ordinal);
                for (int c = 0; c < fields.Length; c++)
                {
                    row[fields[c].Name] = values[c][r];
                }

                rows.Add(row);
            }
        }

        return new ParquetTable(columns, rows, reader.RowGroupCount);
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
    {
        Type type = field.ClrType;
        if (IsString(field))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return strings.Cast<object?>().ToArray();
        }

        if (type == typeof(int))
        {
            return await ReadStructAsync<int>(group, field, count, ct).ConfigureAwait(false);
        }

        if (type == typeof(long))
        {
            return await ReadStructAsync<long>(group, field, count, ct).ConfigureAwait(false);
        }

        if (type == typeof(ulong))
        {
            return await ReadStructAsync<ulong>(group, field, count, ct).ConfigureAwait(false);
        }

        if (type == typeof(double))
        {
            return await ReadStructAsync<double>(group, field, count, ct).ConfigureAwait(false);
        }

        if (type == typeof(float))
        {
            return await ReadStructAsync<float>(group, field, count, ct).ConfigureAwait(false);
        }

        if (type == typeof(bool))
        {
            return await ReadStructAsync<bool>(group, field, count, ct).ConfigureAwait(false);
        }

        throw new NotSupportedException($"column '{field.Name}' has type {type.Name}, which {nameof(ParquetTableReader)} does not read");
    }

    /// <summary>Parquet.Net 6 reports string columns as <see cref="ReadOnlyMemory{T}"/> of char in its low-level schema.</summary>
    private static bool IsString(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static async Task<object?[]> ReadStructAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync(field, nullable.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return nullable.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
        }

        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return values.Select(v => (object?)v).ToArray();
    }
}
