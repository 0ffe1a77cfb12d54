namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Globalization;
using Mobility.Experiments.Survey;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Input.Surveys;
using Mobility.Output.Files;
using Spectre.Console;

/// <summary>
/// <c>mobility survey FILE.csv [--outcome COLUMN] [--map COLUMN=COEFFICIENT]... [--overlay OUT.json] [--base SCENARIO]</c>:
/// correlations between the answers of a survey export and the logistic regression of the intention to study abroad
/// on the other answers; optionally writes the mapped effects as a scenario overlay.
/// </summary>
internal static class SurveyVerb
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Survey export CSV: one row per respondent, a header of questions; Likert, yes/no and numeric answers are used, other columns skipped." };
        var outcome = new Option<string>("--outcome")
        {
            Description = "The yes/no column of the intention to study abroad: its header, or a part of it that names one column (default: the column containing 'intend').",
            DefaultValueFactory = _ => "intend",
        };
        var map = new Option<string[]>("--map")
        {
            Description = "Map a predictor's effect onto a degree-mobility coefficient for --overlay: COLUMN=COEFFICIENT with COEFFICIENT one of "
                + string.Join(", ", SurveyOverlayMapping.Coefficients.Keys) + ". Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var overlay = new Option<string?>("--overlay") { Description = "Write the mapped effects as a scenario overlay (JSON) to this file." };
        var baseScenario = new Option<string>("--base")
        {
            Description = "The scenario the overlay layers over.",
            DefaultValueFactory = _ => Path.Combine("scenarios", "baseline.json"),
        };
        var command = new Command("survey", "Correlations (Pearson, Spearman, p-values) and a logistic regression of the intention to study abroad from a survey export; optionally a scenario overlay.")
        {
            file, outcome, map, overlay, baseScenario,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () => ExecuteAsync(
            context,
            parseResult.GetValue(file)!,
            parseResult.GetValue(outcome)!,
            parseResult.GetValue(map) ?? [],
            parseResult.GetValue(overlay),
            CommonOptions.ResolveScenarioPath(parseResult.GetValue(baseScenario)!),
            cancellationToken)));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        CliContext context, string file, string outcome, string[] maps, string? overlayPath, string basePath, CancellationToken cancellationToken)
    {
        var survey = SurveyLoader.Load(file);
        int outcomeColumn = survey.Find(outcome, out string? error);
        if (outcomeColumn < 0)
        {
            throw new InputException($"{PathDisplay.Of(file)}: --outcome: {error}");
        }

        var mapping = new List<(int Column, string Coefficient)>();
        var problems = new List<string>();
        foreach (string entry in maps)
        {
            int equals = entry.LastIndexOf('=');
            string column = equals > 0 ? entry[..equals].Trim() : "";
            string coefficient = equals > 0 ? entry[(equals + 1)..].Trim() : "";
            int index = column.Length > 0 ? survey.Find(column, out error) : -1;
            if (equals <= 0)
            {
                problems.Add($"--map '{entry}' must have the form COLUMN=COEFFICIENT, e.g. --map \"afford=aResources\"");
            }
            else if (!SurveyOverlayMapping.Coefficients.ContainsKey(coefficient))
            {
                problems.Add($"--map '{entry}': unknown coefficient '{coefficient}'; expected one of {string.Join(", ", SurveyOverlayMapping.Coefficients.Keys)}");
            }
            else if (index < 0)
            {
                problems.Add($"--map '{entry}': {error}");
            }
            else if (index == outcomeColumn)
            {
                problems.Add($"--map '{entry}': that column is the outcome");
            }
            else
            {
                mapping.Add((index, coefficient));
            }
        }

        // Only when no --map was given at all: a --map with a mistake is reported above, and is not missing.
        if (overlayPath is not null && maps.Length == 0)
        {
            problems.Add("--overlay needs at least one --map COLUMN=COEFFICIENT saying which effect sets which coefficient");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        if (overlayPath is not null)
        {
            AtomicFile.RequireWritable(overlayPath);
        }

        SurveyAnalysis analysis;
        try
        {
            analysis = SurveyAnalysis.Run(survey, outcomeColumn);
        }
        catch (ArgumentException ex)
        {
            throw new InputException($"{PathDisplay.Of(file)}: {ex.Message}");
        }

        Write(context, survey, analysis);

        if (overlayPath is not null)
        {
            var values = mapping.Select(m => new KeyValuePair<string, double>(
                SurveyOverlayMapping.Path(m.Coefficient),
                analysis.Regression.Coefficients.First(c => c.Name == survey.Columns[m.Column]).Estimate)).ToArray();
            string json = ScenarioOverlay.Json(
                overlayPath, basePath, Path.GetFileNameWithoutExtension(overlayPath),
                $"Degree-mobility coefficients from the survey {Path.GetFileName(file)} ({analysis.Regression.N} respondents): "
                + string.Join("; ", mapping.Select(m => $"{SurveyOverlayMapping.Path(m.Coefficient)} <- '{survey.Columns[m.Column]}'")),
                values);
            await AtomicFile.WriteAllTextAsync(overlayPath, json, cancellationToken).ConfigureAwait(false);
            foreach (var m in mapping.Where(m => !SurveyOverlayMapping.SameUnit(m.Coefficient)))
            {
                context.Output.WriteLine($"note: {m.Coefficient} multiplies a model variable that does not run over [0, 1]; the survey effect only approximates it");
            }

            context.Output.WriteLine($"overlay written to {PathDisplay.Of(overlayPath)} ({string.Join(", ", values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} = {v.Value:F3}")))})");
        }

        return ExitCodes.Success;
    }

    private static void Write(CliContext context, Model.Surveys.SurveyResponses survey, SurveyAnalysis analysis)
    {
        var console = context.Console;
        console.WriteLine($"{survey.Rows.Length} respondents, {survey.Columns.Count} numeric columns");
        foreach (string skipped in survey.Skipped)
        {
            console.WriteLine("skipped " + skipped);
        }

        var correlations = new Table().Title("correlations (each pair over the respondents who answered both)")
            .AddColumns("A", "B", "n", "Pearson r", "p", "Spearman rho", "p");
        foreach (var c in analysis.Correlations)
        {
            correlations.AddRow(Markup.Escape(Short(c.A)), Markup.Escape(Short(c.B)), c.N.ToString(CultureInfo.InvariantCulture),
                F(c.Pearson), P(c.PearsonP), F(c.Spearman), P(c.SpearmanP));
        }

        console.Write(correlations);
        var regression = new Table()
            .Title(Markup.Escape($"logistic regression of '{Short(analysis.Outcome)}' ({analysis.Regression.N} respondents, {analysis.Dropped} with missing answers dropped; predictors rescaled to 0..1)"))
            .AddColumns("predictor", "log odds", "std. error", "z", "p", "odds ratio");
        foreach (var c in analysis.Regression.Coefficients)
        {
            regression.AddRow(Markup.Escape(Short(c.Name)), F(c.Estimate), F(c.StandardError), F(c.Z), P(c.P), F(Math.Exp(c.Estimate)));
        }

        console.Write(regression);
        if (!analysis.Regression.Converged)
        {
            console.WriteLine("warning: Newton iterations did not converge (perfect separation?); estimates are unreliable");
        }
    }

    private static string Short(string text) => text.Length <= 48 ? text : text[..45] + "...";

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("F3", CultureInfo.InvariantCulture);

    private static string P(double p) => double.IsNaN(p) ? "-" : p < 0.001 ? "<0.001" : p.ToString("F3", CultureInfo.InvariantCulture);
}
