namespace Mobility.Model.Surveys;

/// <summary>
/// A survey as numbers: one row per respondent, one column per closed question (Likert answers as their scale
/// position, yes/no as 1/0, NaN where the respondent did not answer), plus the columns that were not numeric and
/// why (timestamps, free text).
/// </summary>
public sealed record SurveyResponses(IReadOnlyList<string> Columns, double[][] Rows, IReadOnlyList<string> Skipped)
{
    public double[] Column(int index) => Rows.Select(r => r[index]).ToArray();

    /// <summary>
    /// The column named <paramref name="name"/>: its exact header (ignoring case), else the only header containing it.
    /// Returns -1 and an explanation when there is no such column or several.
    /// </summary>
    public int Find(string name, out string? error)
    {
        error = null;
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        var matches = Enumerable.Range(0, Columns.Count).Where(i => Columns[i].Contains(name, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (matches.Length == 1)
        {
            return matches[0];
        }

        error = matches.Length == 0
            ? $"no numeric column '{name}'; the columns are: {string.Join("; ", Columns)}"
            : $"'{name}' matches several columns ({string.Join("; ", matches.Select(i => Columns[i]))}); give more of the header";
        return -1;
    }
}
