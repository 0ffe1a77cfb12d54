namespace Mobility.Input.Surveys;

using System.Globalization;
using Mobility.Input.World;
using Mobility.Model.Surveys;

/// <summary>
/// Reads a survey export (Google Forms, Microsoft Forms, LimeSurvey...): a header of question texts (quoted or not)
/// and one row per respondent. A column is kept when every answer in it is empty, a number (Likert position), yes/no
/// (yes, y, true, да / no, n, false, нет -> 1 / 0), or a standard five-point agreement label (strongly disagree ..
/// strongly agree -> 1..5); other columns (timestamp, free text, country) are skipped and listed. Malformed CSV and
/// rows with the wrong number of fields are reported by line.
/// </summary>
public static class SurveyLoader
{
    private static readonly Dictionary<string, double> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yes"] = 1, ["y"] = 1, ["true"] = 1, ["да"] = 1, ["иә"] = 1, ["ha"] = 1,
        ["no"] = 0, ["n"] = 0, ["false"] = 0, ["нет"] = 0, ["жоқ"] = 0, ["yo'q"] = 0,
        ["strongly disagree"] = 1, ["disagree"] = 2, ["neutral"] = 3, ["neither agree nor disagree"] = 3, ["agree"] = 4, ["strongly agree"] = 5,
    };

    public static SurveyResponses Load(string path)
    {
        InputFile.Require(path, "survey file", "*.csv");

        return Parse(CsvReader.ReadFile(path));
    }

    public static SurveyResponses Parse(CsvTable table)
    {
        var problems = new List<string>(table.Problems);
        if (table.Header is null || table.Records.Count == 0)
        {
            throw new InputException($"{table.DisplayPath}: expected a header line of questions and at least one respondent");
        }

        int width = table.Header.Fields.Count;
        foreach (var record in table.Records.Where(r => r.Fields.Count != width))
        {
            problems.Add($"{table.DisplayPath}:{record.Line}: has {record.Fields.Count} fields but the header has {width}");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var columns = new List<string>();
        var values = new List<double[]>();
        var skipped = new List<string>();
        for (int c = 0; c < width; c++)
        {
            string name = table.Header.Fields[c].Trim();
            var column = new double[table.Records.Count];
            string? bad = null;
            for (int r = 0; r < table.Records.Count && bad is null; r++)
            {
                string cell = table.Records[r].Fields[c].Trim();
                if (cell.Length == 0)
                {
                    column[r] = double.NaN;
                }
                else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
                {
                    column[r] = number;
                }
                else if (Labels.TryGetValue(cell, out double label))
                {
                    column[r] = label;
                }
                else
                {
                    bad = $"'{name}' (not numeric, yes/no or an agreement label: '{cell}' on line {table.Records[r].Line})";
                }
            }

            if (bad is not null)
            {
                skipped.Add(bad);
            }
            else if (column.All(double.IsNaN))
            {
                skipped.Add($"'{name}' (no answers)");
            }
            else
            {
                columns.Add(name);
                values.Add(column);
            }
        }

        var rows = Enumerable.Range(0, table.Records.Count).Select(r => values.Select(v => v[r]).ToArray()).ToArray();
        return new SurveyResponses(columns, rows, skipped);
    }
}
