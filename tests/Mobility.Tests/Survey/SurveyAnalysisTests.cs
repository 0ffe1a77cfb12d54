namespace Mobility.Tests.Survey;

using System.Globalization;
using System.Text;
using Mobility.Experiments.Survey;
using Mobility.Input.Surveys;
using Mobility.Input.World;

public class SurveyAnalysisTests
{
    [Fact]
    public void Reads_a_forms_export_with_quoted_headers_likert_and_yes_no_answers()
    {
        var survey = SurveyLoader.Parse(CsvReader.Parse("""
            "Timestamp","How good are you at maths? (1-5)","Do you intend to study abroad?","Comment"
            "2025/03/01 9:00:00 AM","4","Yes","likes, Almaty"
            "2025/03/01 9:05:00 AM","2","No",""
            "2025/03/01 9:09:00 AM","","Yes","Strongly agree"
            """, "s.csv"));

        Assert.Equal(["How good are you at maths? (1-5)", "Do you intend to study abroad?"], survey.Columns);
        Assert.Equal([4.0, 2.0, double.NaN], survey.Column(0));
        Assert.Equal([1.0, 0, 1], survey.Column(1));
        Assert.Equal(2, survey.Skipped.Count);
        Assert.Equal(1, survey.Find("intend", out _));
        Assert.Equal(-1, survey.Find("o", out string? error));
        Assert.Contains("several columns", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlation_p_values_match_the_t_table()
    {
        // r = 0.5 over 12 pairs: t = 0.5 sqrt(10 / 0.75) = 1.8257 on 10 df, two-sided p = 0.0983 (t tables).
        Assert.Equal(0.0983, Correlations.PValue(0.5, 12), 3);
        Assert.Equal(1, Correlations.PValue(0, 30), 12);
    }

    /// <summary>
    /// A survey of 4000 respondents simulated with known effects: every estimate lies within 3 standard errors of its
    /// true value (and the standard errors are small enough for that to mean something: below 0.2).
    /// </summary>
    [Fact]
    public void Logistic_regression_recovers_the_coefficients_a_survey_was_simulated_with()
    {
        double[] truth = [-1.5, 2.0, 1.0, 0.7];
        var random = new Random(42);
        var csv = new StringBuilder("\"Timestamp\",\"Ability (1-5)\",\"Can afford (1-5)\",\"Knows alumni\",\"Intends to study abroad\"\n");
        for (int i = 0; i < 4000; i++)
        {
            int ability = random.Next(1, 6), afford = random.Next(1, 6);
            bool knows = random.NextDouble() < 0.4;
            double x = truth[0] + (truth[1] * (ability - 1) / 4.0) + (truth[2] * (afford - 1) / 4.0) + (truth[3] * (knows ? 1 : 0));
            bool intends = random.NextDouble() < 1 / (1 + Math.Exp(-x));
            csv.Append(CultureInfo.InvariantCulture, $"\"2025-03-01\",\"{ability}\",\"{afford}\",\"{(knows ? "Yes" : "No")}\",\"{(intends ? "Yes" : "No")}\"\n");
        }

        var survey = SurveyLoader.Parse(CsvReader.Parse(csv.ToString(), "sim.csv"));
        var analysis = SurveyAnalysis.Run(survey, survey.Find("Intends", out _));

        Assert.True(analysis.Regression.Converged);
        Assert.Equal(4000, analysis.Regression.N);
        for (int j = 0; j < truth.Length; j++)
        {
            var c = analysis.Regression.Coefficients[j];
            Assert.True(c.StandardError < 0.2, $"{c.Name}: standard error {c.StandardError}");
            Assert.True(Math.Abs(c.Estimate - truth[j]) < 3 * c.StandardError, $"{c.Name}: estimate {c.Estimate:F3} +- {c.StandardError:F3}, truth {truth[j]}");
        }

        Assert.True(analysis.Regression.Coefficients[1].P < 0.001);
        var pair = analysis.Correlations.Single(p => p.A.StartsWith("Ability", StringComparison.Ordinal) && p.B.StartsWith("Intends", StringComparison.Ordinal));
        Assert.True(pair.Pearson > 0 && pair.PearsonP < 0.001 && pair.Spearman > 0);
    }
}
