namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Globalization;
using Mobility.Cli.Console;
using Mobility.Experiments.Calibration;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Model.Observations;
using Mobility.Model.Parameters;
using Mobility.Output.Files;
using Mobility.Reports.Fit;

/// <summary>
/// <c>mobility calibrate SCENARIO --observations FILE --params LIST [--budget N] [--replications R] [--scale K] [--until YEAR] --out DIR</c>:
/// fits the named coefficients to the observations and writes the fitted overlay (calibrated.json), the convergence
/// log and the fit report.
/// </summary>
internal static class CalibrateVerb
{
    public static Command Create(CliContext context)
    {
        var scenario = CommonOptions.Scenario();
        var observations = ObservationOptions.Observations();
        var parameters = new Option<string[]>("--params")
        {
            Description = "Coefficients to fit, as path=lower..upper, comma-separated or repeated, e.g. "
                + "--params degreeMobility:a0=-6..-2,entry:rateByCountry:TKM=0.3..1. Each starts at the scenario's value (the middle of its bounds if the scenario does not set it).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var budget = new Option<int>("--budget")
        {
            Description = "Objective evaluations in all (each is R runs): the start, a Latin hypercube screen (30%), then Nelder-Mead refinement.",
            DefaultValueFactory = _ => 40,
        };
        var until = new Option<int?>("--until")
        {
            Description = "Calibrate on the observations up to this year only; later ones are held out and their fit is reported apart (out-of-sample check).",
        };
        var output = new Option<string>("--out") { Description = "Output folder (written atomically): calibrated.json, convergence.csv, fit.csv, fit.html.", Required = true };
        var replications = ObservationOptions.Replications(2);
        var scale = ObservationOptions.Scale();
        var threads = CommonOptions.Threads();
        var force = CommonOptions.Force();
        var set = CommonOptions.Set();
        var command = new Command("calibrate", "Fit coefficients to observed stocks and flows (weighted squared log error, mean of R replications) and write the fitted overlay and fit report.")
        {
            scenario, observations, parameters, budget, until, output, replications, scale, threads, force, set,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () => ExecuteAsync(
            context,
            new Request(
                CommonOptions.ResolveScenarioPath(parseResult.GetValue(scenario)!),
                parseResult.GetValue(observations),
                parseResult.GetValue(parameters) ?? [],
                parseResult.GetValue(budget),
                parseResult.GetValue(until),
                parseResult.GetValue(output)!,
                parseResult.GetValue(replications),
                parseResult.GetValue(scale),
                parseResult.GetValue(threads),
                parseResult.GetValue(force),
                parseResult.GetValue(set) ?? []),
            cancellationToken)));
        return command;
    }

    private sealed record Request(
        string Scenario, string? Observations, string[] Params, int Budget, int? Until, string Out, int Replications, double? Scale, int Threads, bool Force, string[] Sets);

    private static async Task<int> ExecuteAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        var parameters = ParseParameters(request.Params);
        if (request.Budget < 2)
        {
            throw new InputException($"--budget must be >= 2 evaluations (was {request.Budget})");
        }

        var (observations, window, loaded, observationsPath) = ObservationOptions.Prepare(
            request.Scenario, request.Observations, request.Sets, request.Scale, request.Replications);

        // Held-out observations stay in the fit report but weigh nothing in the objective.
        var heldOut = new HashSet<string>(observations.Where(o => o.Year > request.Until).Select(o => o.Id), StringComparer.Ordinal);
        if (heldOut.Count == observations.Count)
        {
            throw new InputException($"--until {request.Until}: every observation is later, so nothing is left to calibrate on");
        }

        IReadOnlyList<Observation> targets = observations.Select(o => heldOut.Contains(o.Id) ? o with { Weight = 0 } : o).ToArray();

        // Each candidate's settings come from the scenario loaded above plus the candidate's values, with the same checks
        // and validation but without re-reading the scenario files and world CSVs at every evaluation. Every bound must
        // give a valid scenario: build the lower and the upper bounds once (this also names unknown paths). A --set of a
        // fitted path gives its starting value only; the candidate's value replaces it.
        var variants = new ScenarioVariants(loaded);
        ScenarioSettings SettingsFor(IReadOnlyList<double> values) => variants.Settings(parameters.Select((p, i) => p.Set(values[i])).ToArray());
        SettingsFor(parameters.Select(p => p.Lower).ToArray());
        SettingsFor(parameters.Select(p => p.Upper).ToArray());

        using AtomicOutputDirectory output = AtomicOutputDirectory.Begin(request.Out, request.Force);
        var options = new CalibrationOptions
        {
            Budget = request.Budget,
            Replications = request.Replications,
            Threads = request.Threads,
            ReportFrom = window.ReportFrom,
        };
        var calibrator = new Calibrator(loaded.World, SettingsFor, targets, parameters, options);
        var initial = parameters.Select(p => ScenarioOverlay.Value(loaded.Configuration, p.Path)).ToArray();
        CalibrationResult result = await ProgressDisplay.RunAsync<CalibrationProgress, CalibrationResult>(
            context,
            (progress, ct) => calibrator.Run(initial, progress, ct),
            p => new ProgressDisplay.Step(p.Evaluations, p.Budget, string.Create(CultureInfo.InvariantCulture,
                $"calibrating ({p.Phase}): {p.Evaluations}/{p.Budget} evaluations, best objective {p.BestObjective:F4}, {p.Elapsed:hh\\:mm\\:ss}")),
            cancellationToken).ConfigureAwait(false);

        string overlayPath = Path.Combine(output.FinalPath, "calibrated.json");
        string overlay = ScenarioOverlay.Json(
            overlayPath,
            request.Scenario,
            loaded.Name + "-calibrated",
            string.Create(CultureInfo.InvariantCulture,
                $"{loaded.Name} with {string.Join(", ", parameters.Select(p => p.Path))} calibrated to {PathDisplay.Of(observationsPath)} (scale {loaded.Settings.Scenario.Scale}, {request.Replications} replication(s), {result.Log.Count} evaluations)"),
            parameters.Select((p, i) => new KeyValuePair<string, double>(p.Path, result.Values[i])));
        var contextLines = ObservationOptions.Context(loaded, observationsPath, window, request.Replications).ToList();
        if (heldOut.Count > 0)
        {
            contextLines.Add($"calibrated on the observations up to {request.Until}; {heldOut.Count} later one(s) held out (weight 0): {string.Join(", ", heldOut)}");
        }

        string html = FitReport.Html(result.Fit, $"Calibration of {loaded.Name}", contextLines, result, o => heldOut.Contains(o.Id));
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "calibrated.json"), overlay, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "convergence.csv"), FitReport.ConvergenceCsv(result), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.csv"), FitReport.Csv(result.Fit), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.html"), html, cancellationToken).ConfigureAwait(false);
        output.Commit();

        FitSummary.Write(context.Output, result.Initial.Subset(o => !heldOut.Contains(o.Id)), "start");
        FitSummary.Write(context.Output, result.Fit.Subset(o => !heldOut.Contains(o.Id)), heldOut.Count > 0 ? "fitted (in sample)" : "fitted");
        if (heldOut.Count > 0)
        {
            FitSummary.Write(context.Output, result.Fit.Subset(o => heldOut.Contains(o.Id)), "fitted (held out)");
        }

        for (int i = 0; i < parameters.Count; i++)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {parameters[i].Path} = {result.Values[i]:G6} (start {(initial[i] is double v ? v.ToString("G6", CultureInfo.InvariantCulture) : "mid-range")}, bounds {parameters[i].Lower}..{parameters[i].Upper})"));
        }

        context.Output.WriteLine($"calibration written to {PathDisplay.Of(output.FinalPath)} (calibrated.json, convergence.csv, fit.csv, fit.html)");
        return ExitCodes.Success;
    }

    private static List<CalibrationParameter> ParseParameters(string[] texts)
    {
        var problems = new List<string>();
        var parameters = new List<CalibrationParameter>();
        foreach (string text in texts.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var parameter = CalibrationParameter.Parse(text, out string? error);
            if (parameter is null)
            {
                problems.Add("--params: " + error);
            }
            else if (parameters.Any(p => string.Equals(p.Path, parameter.Path, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"--params: '{parameter.Path}' is given twice");
            }
            else
            {
                parameters.Add(parameter);
            }
        }

        if (problems.Count == 0 && parameters.Count == 0)
        {
            problems.Add("--params: name at least one coefficient, e.g. --params degreeMobility:a0=-6..-2");
        }

        return problems.Count > 0 ? throw new InputException(problems) : parameters;
    }
}
