namespace Mobility.Output.Equivalence;

using Mobility.Experiments.Equivalence;
using Mobility.Input;
using Mobility.Output.Comparison;
using Parquet;
using Parquet.Schema;

/// <summary>
/// Reads the replications of a comparison's <c>runs.parquet</c> (written by <c>mobility compare</c> of any engine
/// version) into <see cref="ReplicatedValues"/>, keeping only the requested scenarios, countries and metrics. Columns
/// are found by name, and the integer types older files used are accepted: <c>seed</c> as INT64 or UINT64 (the same
/// 64 bits), <c>replicate</c> and <c>year</c> as INT32 or INT64, <c>value</c> as DOUBLE or FLOAT.
/// </summary>
public static class ComparisonRunsReader
{
    /// <summary>A runs.parquet file, or a comparison folder holding one.</summary>
    public static string ResolvePath(string fileOrFolder)
        => Directory.Exists(fileOrFolder) ? Path.Combine(fileOrFolder, ComparisonOutput.RunsFile) : fileOrFolder;

    public static async Task<ReplicatedValues> ReadAsync(
        string path,
        IReadOnlySet<string> scenarios,
        IReadOnlySet<string> countries,
        IReadOnlySet<string> metrics,
        CancellationToken cancellationToken = default)
    {
        string shown = PathDisplay.Of(path);
        if (!File.Exists(path))
        {
            throw new InputException($"{shown}: no such file (expected the runs.parquet of a 'mobility compare' output folder)");
        }

        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"{shown}: not a readable Parquet file ({ex.Message.Split('\n')[0].TrimEnd()})");
        }

        await using (reader.ConfigureAwait(false))
        {
            DataField[] fields = reader.Schema.GetDataFields();
            DataField Field(string name) => fields.FirstOrDefault(f => f.Name == name)
                ?? throw new InputException($"{shown}: column '{name}' is missing (expected the columns of a comparison's runs.parquet: "
                    + string.Join(", ", ComparisonOutput.RunsSchema.DataFields.Select(f => f.Name)) + ")");
            DataField scenario = Field("scenario"), seed = Field("seed"), replicate = Field("replicate"), year = Field("year"),
                country = Field("country"), metric = Field("metric"), value = Field("value");

            var values = new ReplicatedValues();
            var problems = new List<string>();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int count = checked((int)group.RowCount);
                string?[] scenarioColumn = await StringsAsync(group, scenario, count, cancellationToken).ConfigureAwait(false);
                string?[] countryColumn = await StringsAsync(group, country, count, cancellationToken).ConfigureAwait(false);
                string?[] metricColumn = await StringsAsync(group, metric, count, cancellationToken).ConfigureAwait(false);
                ulong?[] seedColumn = await SeedsAsync(group, seed, count, shown, cancellationToken).ConfigureAwait(false);
                long?[] replicateColumn = await IntegersAsync(group, replicate, count, shown, cancellationToken).ConfigureAwait(false);
                long?[] yearColumn = await IntegersAsync(group, year, count, shown, cancellationToken).ConfigureAwait(false);
                double?[] valueColumn = await NumbersAsync(group, value, count, shown, cancellationToken).ConfigureAwait(false);
                for (int r = 0; r < count && problems.Count < 10; r++)
                {
                    if (scenarioColumn[r] is not string s || !scenarios.Contains(s)
                        || countryColumn[r] is not string c || !countries.Contains(c)
                        || metricColumn[r] is not string m || !metrics.Contains(m))
                    {
                        continue;
                    }

                    if (seedColumn[r] is not ulong runSeed || replicateColumn[r] is not long rep || yearColumn[r] is not long y)
                    {
                        problems.Add($"{shown}: row group {g}, row {r}: seed, replicate and year must not be empty");
                        continue;
                    }

                    string? problem = values.Add(new EquivalenceKey(s, c, m, checked((int)y)), checked((int)rep), runSeed, valueColumn[r] ?? double.NaN);
                    if (problem is not null)
                    {
                        problems.Add($"{shown}: {problem}");
                    }
                }
            }

            if (problems.Count > 0)
            {
                throw new InputException(problems);
            }

            return values;
        }
    }

    private static async Task<string?[]> StringsAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
    {
        var strings = new string?[count];
        await group.ReadAsync(field, strings.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return strings;
    }

    private static async Task<ulong?[]> SeedsAsync(ParquetRowGroupReader group, DataField field, int count, string shown, CancellationToken ct)
    {
        if (field.ClrType == typeof(ulong))
        {
            return await ReadAsync<ulong>(group, field, count, ct).ConfigureAwait(false);
        }

        if (field.ClrType == typeof(long))
        {
            // Older files stored the unsigned seed in a signed column: the same 64 bits.
            return (await ReadAsync<long>(group, field, count, ct).ConfigureAwait(false)).Select(v => v is long s ? unchecked((ulong)s) : (ulong?)null).ToArray();
        }

        throw Unexpected(shown, field, "a 64-bit integer");
    }

    private static async Task<long?[]> IntegersAsync(ParquetRowGroupReader group, DataField field, int count, string shown, CancellationToken ct)
    {
        if (field.ClrType == typeof(int))
        {
            return (await ReadAsync<int>(group, field, count, ct).ConfigureAwait(false)).Select(v => (long?)v).ToArray();
        }

        if (field.ClrType == typeof(long))
        {
            return await ReadAsync<long>(group, field, count, ct).ConfigureAwait(false);
        }

        throw Unexpected(shown, field, "an integer");
    }

    private static async Task<double?[]> NumbersAsync(ParquetRowGroupReader group, DataField field, int count, string shown, CancellationToken ct)
    {
        if (field.ClrType == typeof(double))
        {
            return await ReadAsync<double>(group, field, count, ct).ConfigureAwait(false);
        }

        if (field.ClrType == typeof(float))
        {
            return (await ReadAsync<float>(group, field, count, ct).ConfigureAwait(false)).Select(v => (double?)v).ToArray();
        }

        throw Unexpected(shown, field, "a number");
    }

    private static InputException Unexpected(string shown, DataField field, string expected)
        => new($"{shown}: column '{field.Name}' holds {field.ClrType.Name} values; expected {expected}");

    private static async Task<T?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync(field, nullable.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return nullable;
        }

        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return values.Select(v => (T?)v).ToArray();
    }
}
