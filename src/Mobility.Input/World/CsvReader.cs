namespace Mobility.Input.World;

using System.Text;

/// <summary>One record of a CSV file and the (1-based) line it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A parsed CSV file: the header record, the data records, and any syntax problems found.</summary>
public sealed record CsvTable(string DisplayPath, CsvRecord? Header, IReadOnlyList<CsvRecord> Records, IReadOnlyList<string> Problems);

/// <summary>
/// A small RFC 4180 reader: comma-separated, fields may be quoted with <c>"</c> (a quote inside is doubled, and
/// quoted fields may contain commas and line breaks). Unquoted fields are trimmed. Blank lines and lines starting
/// with <c>#</c> are skipped. Line endings may be LF, CRLF or CR; a UTF-8 byte-order mark is ignored.
/// </summary>
public static class CsvReader
{
    public static CsvTable ReadFile(string path)
    {
        string text = File.ReadAllText(path, Encoding.UTF8);
        return Parse(text, PathDisplay.Of(path));
    }

    public static CsvTable Parse(string text, string displayPath)
    {
        var records = new List<CsvRecord>();
        var problems = new List<string>();
        int i = 0;
        int line = 1;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        var field = new StringBuilder();
        while (i < text.Length)
        {
            // At the start of a record: skip blank and comment lines.
            int lineEnd = IndexOfLineEnd(text, i);
            string firstLine = text[i..lineEnd];
            if (string.IsNullOrWhiteSpace(firstLine) || firstLine.TrimStart().StartsWith('#'))
            {
                i = SkipLineEnd(text, lineEnd);
                line++;
                continue;
            }

            int recordLine = line;
            var fields = new List<string>();
            bool endOfRecord = false;
            while (!endOfRecord)
            {
                field.Clear();
                int start = i;
                while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
                {
                    i++;
                }

                if (i < text.Length && text[i] == '"')
                {
                    int quoteLine = line;
                    i++;
                    bool closed = false;
                    while (i < text.Length)
                    {
                        char c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            closed = true;
                            break;
                        }

                        if (c == '\r' || c == '\n')
                        {
                            field.Append('\n');
                            i = SkipLineEnd(text, i);
                            line++;
                            continue;
                        }

                        field.Append(c);
                        i++;
                    }

                    if (!closed)
                    {
                        problems.Add($"{displayPath}:{quoteLine}: a quoted field is not closed (missing '\"')");
                    }

                    // Only blanks may follow the closing quote before the separator.
                    int junkStart = i;
                    while (i < text.Length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                    {
                        i++;
                    }

                    if (!string.IsNullOrWhiteSpace(text[junkStart..i]))
                    {
                        problems.Add($"{displayPath}:{line}: unexpected text '{text[junkStart..i].Trim()}' after a quoted field");
                    }

                    fields.Add(field.ToString());
                }
                else
                {
                    i = start;
                    while (i < text.Length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                    {
                        i++;
                    }

                    string value = text[start..i].Trim();
                    if (value.Contains('"'))
                    {
                        problems.Add($"{displayPath}:{line}: a field containing '\"' must be quoted, with the quote doubled (was '{value}')");
                    }

                    fields.Add(value);
                }

                if (i >= text.Length)
                {
                    endOfRecord = true;
                }
                else if (text[i] == ',')
                {
                    i++;
                }
                else
                {
                    i = SkipLineEnd(text, i);
                    line++;
                    endOfRecord = true;
                }
            }

            records.Add(new CsvRecord(recordLine, fields));
        }

        CsvRecord? header = records.Count > 0 ? records[0] : null;
        return new CsvTable(displayPath, header, records.Skip(1).ToArray(), problems);
    }

    private static int IndexOfLineEnd(string text, int from)
    {
        int end = text.IndexOfAny(['\r', '\n'], from);
        return end < 0 ? text.Length : end;
    }

    private static int SkipLineEnd(string text, int at)
    {
        if (at >= text.Length)
        {
            return at;
        }

        if (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n')
        {
            return at + 2;
        }

        return at + 1;
    }
}
