namespace Mobility.Input.World;

using System.Globalization;
using Mobility.Model;

/// <summary>
/// Reads typed values from one CSV record by column name, recording a problem (file, line, column, what was expected
/// and what was found) for every value that does not fit, so that a whole file is checked in one pass.
/// </summary>
internal sealed class CsvRow
{
    private readonly CsvTable table;
    private readonly CsvRecord record;
    private readonly IReadOnlyDictionary<string, int> columns;
    private readonly List<string> problems;

    public CsvRow(CsvTable table, CsvRecord record, IReadOnlyDictionary<string, int> columns, List<string> problems)
    {
        this.table = table;
        this.record = record;
        this.columns = columns;
        this.problems = problems;
    }

    public int Line => record.Line;

    public bool HasColumn(string column) => columns.TryGetValue(column, out int index) && index < record.Fields.Count;

    public string Raw(string column) => HasColumn(column) ? record.Fields[columns[column]] : "";

    public void Problem(string column, string expectation)
        => problems.Add($"{Where}: column '{column}' {expectation} (was '{Raw(column)}')");

    public void Problem(string message) => problems.Add($"{Where}: {message}");

    public string Text(string column)
    {
        string value = Raw(column);
        if (value.Length == 0)
        {
            Problem(column, "must not be empty");
        }

        return value;
    }

    /// <summary>A finite number in [min, max] (or (min, max] when <paramref name="minExclusive"/>); NaN when it is not.</summary>
    public double Number(string column, double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool minExclusive = false)
    {
        string raw = Raw(column);
        bool parsed = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value);
        bool inRange = parsed && (minExclusive ? value > min : value >= min) && value <= max;
        if (!inRange)
        {
            Problem(column, "must be " + Describe(min, max, minExclusive));
            return double.NaN;
        }

        return value;
    }

    /// <summary>An integer in [min, max], or null when the cell is empty and <paramref name="optional"/>.</summary>
    public int? Integer(string column, int min, int max, bool optional)
    {
        string raw = Raw(column);
        if (raw.Length == 0 && optional)
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            string range = max == int.MaxValue ? $">= {min}" : $"between {min} and {max}";
            Problem(column, $"must be {(optional ? "empty or " : "")}a whole number {range}");
            return null;
        }

        return value;
    }

    /// <summary>An enum member by its data-file code (<see cref="EnumCodes{TEnum}"/>), or null when the cell holds none.</summary>
    public TEnum? Code<TEnum>(string column)
        where TEnum : struct, Enum
    {
        if (EnumCodes<TEnum>.TryParse(Raw(column), out TEnum value))
        {
            return value;
        }

        Problem(column, $"must be one of {string.Join(", ", EnumCodes<TEnum>.All)}");
        return null;
    }

    private string Where => $"{table.DisplayPath}:{record.Line}";

    private static string Describe(double min, double max, bool minExclusive)
    {
        string lo = min.ToString(CultureInfo.InvariantCulture);
        string hi = max.ToString(CultureInfo.InvariantCulture);
        if (double.IsNegativeInfinity(min) && double.IsPositiveInfinity(max))
        {
            return "a number";
        }

        if (double.IsPositiveInfinity(max))
        {
            return $"a number {(minExclusive ? ">" : ">=")} {lo}";
        }

        if (double.IsNegativeInfinity(min))
        {
            return $"a number <= {hi}";
        }

        return minExclusive ? $"a number > {lo} and <= {hi}" : $"a number between {lo} and {hi}";
    }
}
