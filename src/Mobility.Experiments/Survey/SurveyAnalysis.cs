namespace Mobility.Experiments.Survey;

using Mobility.Model.Surveys;

/// <summary>
/// The survey analysis: correlations between all numeric answers, and the logistic regression of the intention to
/// study abroad on the other answers over the respondents who answered all of them. Each predictor is rescaled to
/// [0, 1] over its observed range (Likert 1..5 becomes 0, 0.25, .., 1; yes/no stays 0/1), so a coefficient is the
/// change in log odds from the lowest to the highest answer: the same units as the degree-mobility coefficients,
/// whose ability and resources are uniform on [0, 1].
/// </summary>
public sealed record SurveyAnalysis(
    IReadOnlyList<CorrelationPair> Correlations,
    LogisticFit Regression,
    string Outcome,
    IReadOnlyList<string> Predictors,
    IReadOnlyList<(double Min, double Max)> Ranges,
    int Dropped)
{
    public static SurveyAnalysis Run(SurveyResponses survey, int outcome)
    {
        var predictorColumns = Enumerable.Range(0, survey.Columns.Count).Where(c => c != outcome).ToArray();
        var complete = survey.Rows.Where(r => !double.IsNaN(r[outcome]) && predictorColumns.All(c => !double.IsNaN(r[c]))).ToArray();
        var outcomeValues = complete.Select(r => r[outcome]).Distinct().Order().ToArray();
        if (outcomeValues.Any(v => v is not (0 or 1)) || outcomeValues.Length != 2)
        {
            throw new ArgumentException($"the outcome '{survey.Columns[outcome]}' must be yes/no (1/0) with both answers present; found {string.Join(", ", outcomeValues)}");
        }

        var ranges = predictorColumns.Select(c => (Min: complete.Min(r => r[c]), Max: complete.Max(r => r[c]))).ToArray();
        var constant = predictorColumns.Where((c, j) => !(ranges[j].Max > ranges[j].Min)).Select(c => survey.Columns[c]).ToArray();
        if (constant.Length > 0)
        {
            throw new ArgumentException($"every respondent gave the same answer to {string.Join("; ", constant)}: drop the column or collect more answers");
        }

        var x = complete.Select(r => predictorColumns.Select((c, j) => (r[c] - ranges[j].Min) / (ranges[j].Max - ranges[j].Min)).ToArray()).ToArray();
        var names = predictorColumns.Select(c => survey.Columns[c]).ToArray();
        var regression = LogisticRegression.Fit(x, complete.Select(r => r[outcome]).ToArray(), names);
        return new SurveyAnalysis(Survey.Correlations.Of(survey), regression, survey.Columns[outcome], names, ranges, survey.Rows.Length - complete.Length);
    }
}
