namespace Mobility.Input.World;

/// <summary>
/// The checks every CSV input shares: the file exists, the header has exactly the expected columns, and each record
/// has as many fields as the header. Problems are added to a list (file, line, what was expected) so that a whole
/// file is checked in one pass.
/// </summary>
internal static class CsvSchema
{
    /// <summary>Reads a file, adding its syntax problems; null (and a problem) when it does not exist.</summary>
    public static CsvTable? Read(string path, List<string> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add($"{PathDisplay.Of(path)}: file not found");
            return null;
        }

        CsvTable table = CsvReader.ReadFile(path);
        problems.AddRange(table.Problems);
        return table;
    }

    /// <summary>Maps column names to positions, or reports what is wrong with the header and returns null.</summary>
    public static Dictionary<string, int>? Columns(CsvTable table, IReadOnlyList<string> expected, List<string> problems)
    {
        string expectedText = string.Join(',', expected);
        if (table.Header is null)
        {
            problems.Add($"{table.DisplayPath}: the file is empty; expected the header '{expectedText}'");
            return null;
        }

        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var wrong = new List<string>();
        for (int i = 0; i < table.Header.Fields.Count; i++)
        {
            string name = table.Header.Fields[i];
            if (!expected.Contains(name, StringComparer.Ordinal))
            {
                wrong.Add($"unexpected column '{name}'");
            }
            else if (!map.TryAdd(name, i))
            {
                wrong.Add($"column '{name}' appears twice");
            }
        }

        wrong.AddRange(expected.Where(e => !map.ContainsKey(e)).Select(e => $"column '{e}' is missing"));
        if (wrong.Count > 0)
        {
            problems.Add($"{table.DisplayPath}:{table.Header.Line}: wrong header ({string.Join("; ", wrong)}); expected '{expectedText}'");
            return null;
        }

        return map;
    }

    /// <summary>True when the record has <paramref name="expected"/> fields; otherwise reports it.</summary>
    public static bool ColumnCountOk(CsvTable table, CsvRecord record, int expected, List<string> problems)
    {
        if (record.Fields.Count == expected)
        {
            return true;
        }

        problems.Add($"{table.DisplayPath}:{record.Line}: expected {expected} columns as in the header but found {record.Fields.Count}");
        return false;
    }
}
