namespace Mobility.Experiments.Survey;

using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Mobility.Model.Surveys;

/// <summary>
/// Pairwise Pearson and Spearman correlations between survey columns (each pair over the respondents who answered
/// both), with two-sided p-values from t = r sqrt((n - 2) / (1 - r^2)) ~ Student t with n - 2 degrees of freedom
/// (for Spearman the usual large-sample approximation).
/// </summary>
public static class Correlations
{
    public static IReadOnlyList<CorrelationPair> Of(SurveyResponses survey)
    {
        var pairs = new List<CorrelationPair>();
        for (int a = 0; a < survey.Columns.Count; a++)
        {
            for (int b = a + 1; b < survey.Columns.Count; b++)
            {
                var both = survey.Rows.Where(r => !double.IsNaN(r[a]) && !double.IsNaN(r[b])).ToArray();
                var x = both.Select(r => r[a]).ToArray();
                var y = both.Select(r => r[b]).ToArray();
                double pearson = x.Length > 2 ? Correlation.Pearson(x, y) : double.NaN;
                double spearman = x.Length > 2 ? Correlation.Spearman(x, y) : double.NaN;
                pairs.Add(new CorrelationPair(
                    survey.Columns[a], survey.Columns[b], x.Length, pearson, PValue(pearson, x.Length), spearman, PValue(spearman, x.Length)));
            }
        }

        return pairs;
    }

    /// <summary>Two-sided p-value of a correlation r over n pairs (NaN when undefined, e.g. a constant column).</summary>
    public static double PValue(double r, int n)
    {
        if (double.IsNaN(r) || n < 3)
        {
            return double.NaN;
        }

        if (Math.Abs(r) >= 1)
        {
            return 0;
        }

        double t = Math.Abs(r) * Math.Sqrt((n - 2) / (1 - (r * r)));
        return 2 * (1 - StudentT.CDF(0, 1, n - 2, t));
    }
}
