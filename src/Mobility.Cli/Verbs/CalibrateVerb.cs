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
            AllowMultipleArgumentsPerToken = false,
        };
        var pairConstants = new Option<bool>("--pair-constants")
        {
            Description = "Fit the origin-destination constants choice:pairShift (and the credit and scholarship choices' creditMobility:pairShift, choice:scholarshipPairShift) by Berry inversion, alternating with the --params search (if any) for --rounds rounds (see --unobserved-constant).",
        };
        var unobservedConstant = ObservationOptions.PairPrediction(
            "--unobserved-constant",
            "all-host-means",
            "With --pair-constants, the degree constant of a member pair without a figure: 'zero' (the structural prediction); "
                + "'slopes': Berry's second step with the slopes only, the fitted constants regressed (weighted ridge) on the pair covariates and the pair given (x - x_bar) beta, "
                + "x_bar the fitted pairs' weighted mean (a pair like the average fitted pair gets 0), then the fitted constants and totals inverted again around them; "
                + "'shrunk-slopes': the slopes times the regression's empirical-Bayes factor tau^2 / (tau^2 + s^2); "
                + "'host-means': the host's level, the weighted mean of the fitted constants into that host shrunk toward 0 (sum w c / (sum w + 1); hosts whose own total is fitted carry it in their destination shift and give 0); "
                + "'all-host-means' (default; as the shipped baseline has it): the same for every host, the members whose total of foreign students is fitted too; "
                + "'projected': the same with the intercept, x beta (measured: it breaks the in-sample targets). fit --cross-validate --held-out-constant validates each rule (docs/calibration.md).");
        var pairEffects = ObservationOptions.PairEffects();
        var unfittedWeight = ObservationOptions.UnfittedWeight();
        var iterations = new Option<int>("--iterations")
        {
            Description = "Inversion iterations per round (each is R runs); it stops earlier when no constant moves by more than 0.01.",
            DefaultValueFactory = _ => 12,
        };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Rounds of (--params search, then pair inversion) with --pair-constants and --params.",
            DefaultValueFactory = _ => 2,
        };
        var structureFirst = new Option<bool>("--structure-first")
        {
            Description = "With --params and --pair-constants: search the --params with every pair constant 0 (the structure alone, origin and host shifts the scenario's), "
                + "then invert the pair constants once with the values found, instead of alternating --rounds rounds. This is what fit --cross-validate --refit-structure "
                + "validates in each check (docs/calibration.md, 'Size by the structure alone': measured for choice:bSize, not shipped).",
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
            scenario, observations, parameters, pairConstants, unobservedConstant, pairEffects, unfittedWeight, iterations, rounds, structureFirst, budget, until, output, replications, scale, threads, force, set,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () => ExecuteAsync(
            context,
            new Request(
                CommonOptions.ResolveScenarioPath(parseResult.GetValue(scenario)!),
                parseResult.GetValue(observations),
                parseResult.GetValue(parameters) ?? [],
                parseResult.GetValue(pairConstants),
                ObservationOptions.PairPredictionRule(unobservedConstant, parseResult.GetValue(unobservedConstant)),
                ObservationOptions.PairEffectsOf(pairEffects, parseResult.GetValue(pairEffects)),
                ObservationOptions.UnfittedWeightOf(unfittedWeight, parseResult.GetValue(unfittedWeight)),
                parseResult.GetValue(iterations),
                parseResult.GetValue(rounds),
                parseResult.GetValue(structureFirst),
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
        string Scenario, string? Observations, string[] Params, bool PairConstants, UnfittedPairPrediction Unobserved, (bool Origin, bool Host) Effects, double UnfittedWeight, int Iterations, int Rounds, bool StructureFirst, int Budget, int? Until, string Out, int Replications, double? Scale, int Threads, bool Force, string[] Sets);

    private static async Task<int> ExecuteAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        var parameters = request.Params.Length > 0 || !request.PairConstants ? ParseParameters(request.Params) : [];
        if (request.Budget < 2)
        {
            throw new InputException($"--budget must be >= 2 evaluations (was {request.Budget})");
        }

        if (request.Iterations < 1 || request.Rounds < 1)
        {
            throw new InputException($"--iterations and --rounds must be >= 1 (were {request.Iterations} and {request.Rounds})");
        }

        if (request.StructureFirst && (parameters.Count == 0 || !request.PairConstants))
        {
            throw new InputException("--structure-first needs both --params (the coefficients of the structure) and --pair-constants (inverted after them)");
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
        var constants = PairConstants.Of(loaded.Configuration);
        ScenarioSettings SettingsFor(IReadOnlyList<double> values, IReadOnlyDictionary<CountryPair, double> pairs)
            => variants.Settings(parameters.Select((p, i) => p.Set(values[i])).Concat(pairs.Select(kv => PairConstants.Set(kv.Key, kv.Value))).ToArray());
        if (parameters.Count > 0)
        {
            SettingsFor(parameters.Select(p => p.Lower).ToArray(), constants);
            SettingsFor(parameters.Select(p => p.Upper).ToArray(), constants);
        }

        using AtomicOutputDirectory output = AtomicOutputDirectory.Begin(request.Out, request.Force);
        var options = new CalibrationOptions
        {
            Budget = request.Budget,
            Replications = request.Replications,
            Threads = request.Threads,
            ReportFrom = window.ReportFrom,
        };
        var inversionOptions = new PairInversionOptions
        {
            Totals = PairConstants.Totals(loaded.Configuration, loaded.World.Countries.Where(c => c.IsMember).Select(c => c.Code), parameters.Select(p => p.Path)),
            Iterations = request.Iterations,
            Replications = request.Replications,
            Threads = request.Threads,
            ReportFrom = window.ReportFrom,
        };
        var initial = parameters.Select(p => ScenarioOverlay.Value(loaded.Configuration, p.Path)).ToArray();
        IReadOnlyList<double?> start = initial;
        double[] values = parameters.Select((p, i) => initial[i] ?? ((p.Lower + p.Upper) / 2)).ToArray();
        CalibrationResult? search = null;
        PairInversionResult? inversion = null;
        Fit? startFit = null;
        int rounds = request.PairConstants && parameters.Count > 0 && !request.StructureFirst ? request.Rounds : 1;
        for (int round = 1; round <= rounds; round++)
        {
            string of = rounds > 1 ? $"round {round}/{rounds}, " : "";
            if (parameters.Count > 0)
            {
                // --structure-first: the structure alone, every pair constant 0 (the origin and host totals stay).
                var fixedPairs = constants.ToDictionary(kv => kv.Key, kv => request.StructureFirst && !kv.Key.IsTotal ? 0.0 : kv.Value);
                var calibrator = new Calibrator(loaded.World, v => SettingsFor(v, fixedPairs), targets, parameters, options);
                search = await ProgressDisplay.RunAsync<CalibrationProgress, CalibrationResult>(
                    context,
                    (progress, ct) => calibrator.Run(start, progress, ct),
                    p => new ProgressDisplay.Step(p.Evaluations, p.Budget, string.Create(CultureInfo.InvariantCulture,
                        $"calibrating ({of}{p.Phase}): {p.Evaluations}/{p.Budget} evaluations, best objective {p.BestObjective:F4}, {p.Elapsed:hh\\:mm\\:ss}")),
                    cancellationToken).ConfigureAwait(false);
                values = search.Values.ToArray();
                start = values.Select(v => (double?)v).ToArray();
                startFit ??= search.Initial;
            }

            if (request.PairConstants)
            {
                var fixedValues = values.ToArray();
                var inverter = new PairInversion(loaded.World, pairs => SettingsFor(fixedValues, pairs), inversionOptions);
                var from = new Dictionary<CountryPair, double>(constants);
                inversion = await ProgressDisplay.RunAsync<PairInversionProgress, PairInversionResult>(
                    context,
                    (progress, ct) => inverter.Run(targets, from, progress, ct),
                    p => new ProgressDisplay.Step(p.Iteration, p.Iterations, string.Create(CultureInfo.InvariantCulture,
                        $"inverting pair constants ({of}iteration {p.Iteration}/{p.Iterations}): objective {p.Objective:F4}, largest change {p.LargestChange:F3}, {p.Elapsed:hh\\:mm\\:ss}")),
                    cancellationToken).ConfigureAwait(false);
                constants = new Dictionary<CountryPair, double>(inversion.Constants);
                startFit ??= inversion.Initial;
            }
        }

        // With --unobserved-constant slopes or projected, Berry's second step, as the validation (fit --cross-validate)
        // predicts the pairs it holds out: the member pairs without a figure get (x - x_bar) beta, or x beta, of the fitted
        // constants' regression on the pair covariates instead of 0, and the fitted constants and totals are inverted again around them.
        var predicted = new HashSet<CountryPair>();
        if (inversion is not null && request.Unobserved != UnfittedPairPrediction.Zero)
        {
            var memberPairs = PairProjection.MemberPairs(loaded.World);
            predicted = memberPairs.Where(p => !inversion.Evidence.ContainsKey(p)).ToHashSet();
            var inverter = new PairInversion(loaded.World, pairs => SettingsFor(values, pairs), inversionOptions);
            var first = inversion;
            inversion = await ProgressDisplay.RunAsync<PairInversionProgress, PairInversionResult>(
                context,
                (progress, ct) => inverter.SecondStep(targets, first, new PairCovariates(loaded.World, request.Effects.Origin, request.Effects.Host), memberPairs, progress, ct, request.Unobserved, request.UnfittedWeight),
                p => new ProgressDisplay.Step(p.Iteration, p.Iterations, string.Create(CultureInfo.InvariantCulture,
                    $"second step: {predicted.Count} pairs without a figure predicted, re-inverting (iteration {p.Iteration}/{p.Iterations}): objective {p.Objective:F4}, {p.Elapsed:hh\\:mm\\:ss}")),
                cancellationToken).ConfigureAwait(false);
            constants = new Dictionary<CountryPair, double>(inversion.Constants);
        }

        Fit fit = inversion?.Fit ?? search!.Fit;
        string overlayPath = Path.Combine(output.FinalPath, "calibrated.json");
        string fitted = string.Join(", ", parameters.Select(p => p.Path).Concat(request.PairConstants ? [$"{constants.Count(kv => !kv.Key.IsTotal)} pair constants (choice:pairShift, creditMobility:pairShift, choice:scholarshipPairShift) and {constants.Count(kv => kv.Key.IsTotal)} shifts of origin and host totals"] : []));
        string overlay = ScenarioOverlay.Json(
            overlayPath,
            request.Scenario,
            loaded.Name + "-calibrated",
            string.Create(CultureInfo.InvariantCulture,
                $"{loaded.Name} with {fitted} calibrated to {PathDisplay.Of(observationsPath)} (scale {loaded.Settings.Scenario.Scale}, {request.Replications} replication(s))"),
            parameters.Select((p, i) => new KeyValuePair<string, double>(p.Path, values[i]))
                .Concat(request.PairConstants ? constants.OrderBy(kv => kv.Key.Origin, StringComparer.Ordinal).ThenBy(kv => kv.Key.Destination, StringComparer.Ordinal)
                    .Select(kv => new KeyValuePair<string, double>(kv.Key.Path, kv.Value)) : []),
            // The rule that gave the member pairs without a figure, recorded so that fit and compare predict them alike.
            request.PairConstants
                ? [.. ModelSettings(request.Sets), new KeyValuePair<string, string>("scenario:unobservedConstant", ObservationOptions.NameOf(request.Unobserved))]
                : ModelSettings(request.Sets));
        if (inversion is not null)
        {
            overlay = CommentedOverlay.With(overlay, PairConstants.Comments(inversion, predicted, request.Unobserved));
        }

        var contextLines = ObservationOptions.Context(loaded, observationsPath, window, request.Replications).ToList();
        if (heldOut.Count > 0)
        {
            contextLines.Add($"calibrated on the observations up to {request.Until}; {heldOut.Count} later one(s) held out (weight 0): {string.Join(", ", heldOut)}");
        }

        var members = loaded.World.Countries.Where(c => c.IsMember).Select(c => c.Code).ToArray();
        string html = FitReport.Html(fit, $"Calibration of {loaded.Name}", contextLines, search, o => heldOut.Contains(o.Id), members);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "calibrated.json"), overlay, cancellationToken).ConfigureAwait(false);
        if (search is not null)
        {
            await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "convergence.csv"), FitReport.ConvergenceCsv(search), cancellationToken).ConfigureAwait(false);
        }

        if (inversion is not null)
        {
            await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "inversion.csv"), FitReport.InversionCsv(inversion), cancellationToken).ConfigureAwait(false);
        }

        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.csv"), FitReport.Csv(fit), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.html"), html, cancellationToken).ConfigureAwait(false);
        output.Commit();

        FitSummary.Write(context.Output, startFit!.Subset(o => !heldOut.Contains(o.Id)), "start");
        FitSummary.Write(context.Output, fit.Subset(o => !heldOut.Contains(o.Id)), heldOut.Count > 0 ? "fitted (in sample)" : "fitted");
        if (heldOut.Count > 0)
        {
            FitSummary.Write(context.Output, fit.Subset(o => heldOut.Contains(o.Id)), "fitted (held out)");
        }

        for (int i = 0; i < parameters.Count; i++)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {parameters[i].Path} = {values[i]:G6} (start {(initial[i] is double v ? v.ToString("G6", CultureInfo.InvariantCulture) : "mid-range")}, bounds {parameters[i].Lower}..{parameters[i].Upper}{(request.StructureFirst ? "; fitted by the structure alone, every pair constant 0" : "")})"));
        }

        if (inversion is not null)
        {
            context.Output.WriteLine($"  {inversion.Evidence.Keys.Count(p => !p.IsTotal)} pair constants and {inversion.Evidence.Keys.Count(p => p.IsTotal)} shifts of origin and host totals fitted to their figures ({inversion.Log.Count} iterations in the last round){(request.Unobserved != UnfittedPairPrediction.Zero ? $", {predicted.Count} member pairs without a figure predicted ({ObservationOptions.Describe(request.Unobserved)})" : "")}; see calibrated.json and inversion.csv");
        }

        context.Output.WriteLine($"calibration written to {PathDisplay.Of(output.FinalPath)} (calibrated.json, {(search is not null ? "convergence.csv, " : "")}{(inversion is not null ? "inversion.csv, " : "")}fit.csv, fit.html)");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The --set values the calibration ran under, for its overlay: what was fitted holds only under them (constants
    /// inverted with choice:bSize=1.5 do not fit with the base's 1.0). The fitted values win on the same path; the run
    /// settings under scenario: (scale, seed, name) stay out, the overlay's description states the scale.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> ModelSettings(IEnumerable<string> sets)
        => ScenarioLoadOptions.ParseSets(sets, "--set", [])
            .Where(kv => !kv.Key.StartsWith("scenario:", StringComparison.OrdinalIgnoreCase))
            .Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value ?? ""));

    /// <summary>Reads <c>path=lower..upper</c> items (comma-separated or repeated); every problem names <paramref name="option"/>.</summary>
    internal static List<CalibrationParameter> ParseParameters(string[] texts, string option = "--params")
    {
        var problems = new List<string>();
        var parameters = new List<CalibrationParameter>();
        foreach (string text in texts.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var parameter = CalibrationParameter.Parse(text, out string? error);
            if (parameter is null)
            {
                problems.Add($"{option}: " + error);
            }
            else if (parameters.Any(p => string.Equals(p.Path, parameter.Path, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{option}: '{parameter.Path}' is given twice");
            }
            else
            {
                parameters.Add(parameter);
            }
        }

        if (problems.Count == 0 && parameters.Count == 0)
        {
            problems.Add($"{option}: name at least one coefficient, e.g. {option} degreeMobility:a0=-6..-2");
        }

        return problems.Count > 0 ? throw new InputException(problems) : parameters;
    }
}
