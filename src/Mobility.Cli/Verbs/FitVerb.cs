namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Globalization;
using Mobility.Cli.Console;
using Mobility.Experiments.Calibration;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Input.Observations;
using Mobility.Model.Parameters;
using Mobility.Output.Files;
using Mobility.Reports.Fit;

/// <summary>
/// <c>mobility fit SCENARIO --observations FILE [--out DIR] [--replications R] [--scale K]</c>: runs the scenario over
/// the observed years and writes how well it reproduces the observations (fit.csv, fit.html), without calibrating.
/// </summary>
internal static class FitVerb
{
    private sealed record Validation(int? Folds, int OutOfTime, int Iterations, UnfittedPairPrediction? RuleGiven, int? FoldSeed, int FoldRepeats, (bool Origin, bool Host) Effects, double UnfittedWeight, Refit Refit);

    private sealed record Refit(string[] Structure, int Budget, double Scale);

    public static Command Create(CliContext context)
    {
        var scenario = CommonOptions.Scenario();
        var observations = ObservationOptions.Observations();
        var output = new Option<string?>("--out") { Description = "Output folder (default: runs/<scenario name>-fit), written atomically." };
        var replications = ObservationOptions.Replications(2);
        var scale = ObservationOptions.Scale();
        var threads = CommonOptions.Threads();
        var force = CommonOptions.Force();
        var set = CommonOptions.Set();
        var crossValidate = new Option<int?>("--cross-validate")
        {
            Description = "Also validate the pair constants: K-fold cross-validation by origin-destination pair (each fold's constants inverted from 0 without its figures, which are then predicted) "
                + "and an out-of-time check (constants inverted on the figures before --out-of-time, the later ones predicted). K >= 2, e.g. 5. K at or above the number of pairs "
                + "with figures (41 in the shipped observations) leaves one pair out at a time: one fold per pair, the same result for every --fold-seed.",
        };
        var outOfTime = new Option<int>("--out-of-time")
        {
            Description = "First year predicted by the out-of-time check (with --cross-validate).",
            DefaultValueFactory = _ => 2022,
        };
        var iterations = new Option<int>("--iterations")
        {
            Description = "Inversion iterations of each validation fit (with --cross-validate).",
            DefaultValueFactory = _ => 12,
        };
        var foldSeed = new Option<int?>("--fold-seed")
        {
            Description = "Seed of the shuffle that deals the pairs into folds (with --cross-validate; default: scenario:seed). The simulation's seeds do not change: "
                + "a second fold assignment checks that a result is not a product of the folds.",
        };
        var foldRepeats = new Option<int>("--fold-repeats")
        {
            Description = "Repeated cross-validation (with --cross-validate): deal the pairs into folds N times, with fold seeds S, S+1, ..., S+N-1 (S = --fold-seed), "
                + "and report each assignment's fit and the mean and range of their median error factors. One assignment's median moves by about x0.1 with the folds alone "
                + "(docs/calibration.md), so N = 4 or more tells a real difference from the folds'. Each assignment costs one cross-validation; the out-of-time check runs once.",
            DefaultValueFactory = _ => 1,
        };
        var pairEffects = ObservationOptions.PairEffects();
        var unfittedWeight = ObservationOptions.UnfittedWeight();
        var heldOutConstant = ObservationOptions.PairPredictionOfScenario(
            "--held-out-constant",
            "With --cross-validate, how a pair without a fitted constant (held out, or a member pair without figures) is predicted, besides the constant 0 (always reported): "
                + "'projected' (what calibrate --unobserved-constant projected ships): Berry's second step, the fitted constants regressed (weighted ridge) on the pair covariates the utility reads "
                + "(distance, shared language, ties, visa, image, living cost, host rank and size, membership), x beta, the other constants inverted again around it; "
                + "'slopes' (what calibrate --unobserved-constant slopes ships): the same with the slopes only, (x - x_bar) beta, x_bar the training pairs' weighted mean; "
                + "'shrunk-slopes': the slopes times the empirical-Bayes factor tau^2 / (tau^2 + s^2) of the regression; "
                + "'host-means' (what calibrate --unobserved-constant host-means ships): the host's level, the weighted mean of the fitted constants into that host shrunk toward 0 (sum w c / (sum w + 1)), for hosts whose own total is not fitted; "
                + "'all-host-means' (what calibrate --unobserved-constant all-host-means ships, as the shipped baseline): the same for every host, the members whose total of foreign students is fitted too; "
                + "the column the scenario uses is marked. 'zero': the constant 0 only (the structural model; faster). See docs/calibration.md.");
        var refitStructure = new Option<string[]>("--refit-structure")
        {
            Description = "With --cross-validate (an experiment, docs/calibration.md): in each check, before the inversion, refit these global coefficients, as path=lower..upper "
                + "(comma-separated or repeated, e.g. choice:bDistance=0.1..1.5,choice:bLanguage=0..3), so that the structure alone (every pair constant 0, the origin and host shifts the scenario's) "
                + "fits the check's training figures (Latin hypercube then Nelder-Mead, from the scenario's values); the check's pair constants are then inverted with them. Refitted values in structure-refit.csv.",
            AllowMultipleArgumentsPerToken = false,
        };
        var refitBudget = new Option<int>("--refit-budget")
        {
            Description = "Objective evaluations of each check's structure refit (with --refit-structure; one replication each), >= 2.",
            DefaultValueFactory = _ => 30,
        };
        var refitScale = new Option<double>("--refit-scale")
        {
            Description = "Persons per agent of the structure refit's runs (with --refit-structure; coarser than --scale keeps it affordable), > 0.",
            DefaultValueFactory = _ => 4,
        };
        var command = new Command("fit", "Compare a scenario with published figures: fit.csv and fit.html (per target and overall error, per member country, log-log scatter); optionally cross-validated.")
        {
            scenario, observations, output, replications, scale, threads, force, set, crossValidate, outOfTime, iterations, foldSeed, foldRepeats, heldOutConstant, pairEffects, unfittedWeight,
            refitStructure, refitBudget, refitScale,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () => ExecuteAsync(
            context,
            CommonOptions.ResolveScenarioPath(parseResult.GetValue(scenario)!),
            parseResult.GetValue(observations),
            parseResult.GetValue(output),
            parseResult.GetValue(replications),
            parseResult.GetValue(scale),
            parseResult.GetValue(threads),
            parseResult.GetValue(force),
            parseResult.GetValue(set) ?? [],
            new Validation(parseResult.GetValue(crossValidate), parseResult.GetValue(outOfTime), parseResult.GetValue(iterations),
                ObservationOptions.PairPredictionRuleIfGiven(heldOutConstant, parseResult.GetValue(heldOutConstant)), parseResult.GetValue(foldSeed), parseResult.GetValue(foldRepeats),
                ObservationOptions.PairEffectsOf(pairEffects, parseResult.GetValue(pairEffects)),
                ObservationOptions.UnfittedWeightOf(unfittedWeight, parseResult.GetValue(unfittedWeight)),
                new Refit(parseResult.GetValue(refitStructure) ?? [], parseResult.GetValue(refitBudget), parseResult.GetValue(refitScale))),
            cancellationToken)));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        CliContext context, string scenarioPath, string? observationsFile, string? outFolder, int replications, double? scale, int threads, bool force,
        string[] userSets, Validation validation, CancellationToken cancellationToken)
    {
        if (validation.Folds is int k && (k < 2 || validation.Iterations < 1))
        {
            throw new InputException($"--cross-validate must be >= 2 folds and --iterations >= 1 (were {k} and {validation.Iterations})");
        }

        if (validation.FoldRepeats < 1 || (validation.FoldRepeats > 1 && validation.Folds is null))
        {
            throw new InputException($"--fold-repeats must be >= 1 and, above 1, needs --cross-validate K (was {validation.FoldRepeats})");
        }

        var refitted = validation.Refit.Structure.Length == 0 ? [] : CalibrateVerb.ParseParameters(validation.Refit.Structure, "--refit-structure");
        if (refitted.Count > 0 && validation.Folds is null)
        {
            throw new InputException("--refit-structure refits the structure of the validation checks: it needs --cross-validate K");
        }

        if (refitted.Count > 0 && (validation.Refit.Budget < 2 || !(validation.Refit.Scale > 0) || !double.IsFinite(validation.Refit.Scale)))
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"--refit-budget must be >= 2 evaluations and --refit-scale a number > 0 (were {validation.Refit.Budget} and {validation.Refit.Scale})"));
        }

        var (observations, window, loaded, observationsPath) = ObservationOptions.Prepare(scenarioPath, observationsFile, userSets, scale, replications);
        var rule = ObservationOptions.RuleFor(validation.RuleGiven, loaded);
        int pairCount = PairValidation.PairsWithFigures(observations).Length;
        bool leaveOnePairOut = validation.Folds >= pairCount;
        if (leaveOnePairOut && validation.FoldRepeats > 1)
        {
            throw new InputException($"--cross-validate {validation.Folds} leaves one pair out (the observations have {pairCount} pairs with figures), which every fold seed deals alike: --fold-repeats must be 1 (was {validation.FoldRepeats})");
        }

        var structure = refitted.Count == 0 ? null : StructureRefitOf(loaded, new ScenarioVariants(loaded), refitted, validation, replications, threads, window.ReportFrom);
        using AtomicOutputDirectory output = AtomicOutputDirectory.Begin(outFolder ?? Path.Combine("runs", loaded.Name + "-fit"), force);

        Fit fit = await ProgressDisplay.RunAsync(
            context,
            "fitting",
            (progress, ct) => Calibrator.Evaluate(loaded.World, loaded.Settings, observations, replications, threads, window.ReportFrom, progress, ct),
            cancellationToken).ConfigureAwait(false);

        var contextLines = ObservationOptions.Context(loaded, observationsPath, window, replications).ToList();
        var members = loaded.World.Countries.Where(c => c.IsMember).Select(c => c.Code).ToArray();
        var checks = new List<(string Label, string File, Fit Fit)>();
        var refits = new List<RefittedStructure>();
        var repeated = new List<string>();
        HeldOutFit? heldOut = null;
        string validationCommand = "";
        if (validation.Folds is int folds)
        {
            var variants = new ScenarioVariants(loaded);

            var inversion = InversionWith(loaded, variants, [], validation.Iterations, replications, threads, window.ReportFrom);
            var memberPairs = PairProjection.MemberPairs(loaded.World);
            var validator = rule == UnfittedPairPrediction.Zero
                ? new PairValidation(inversion, structure: structure)
                : new PairValidation(inversion, new PairCovariates(loaded.World, validation.Effects.Origin, validation.Effects.Host), memberPairs, rule, validation.UnfittedWeight, structure);

            // Which prediction the scenario itself makes for a member pair without a figure: the rule's if it sets a
            // constant for one (calibrate --unobserved-constant RULE, the shipped baseline's all-host-means), 0 otherwise; that column is marked.
            bool scenarioPredicts = PairProjection.PredictsUnfitted(PairConstants.Of(loaded.Configuration), observations, memberPairs);
            string ruleMark = scenarioPredicts ? ", as the scenario does" : "";
            string zeroMark = scenarioPredicts ? "" : ", as the scenario does";
            int firstSeed = validation.FoldSeed ?? (int)(loaded.Settings.Scenario.Seed % int.MaxValue);
            var assignments = new List<(int Seed, PairValidationFit Fit)>();
            for (int repeat = 0; repeat < validation.FoldRepeats; repeat++)
            {
                int seed = unchecked(firstSeed + repeat);
                string of = validation.FoldRepeats > 1 ? $", fold assignment {repeat + 1}/{validation.FoldRepeats}" : "";
                assignments.Add((seed, await ProgressDisplay.RunAsync(
                    context,
                    $"cross-validating ({(leaveOnePairOut ? $"leaving each of {pairCount} pairs out" : $"{folds} folds by pair")}{of}, {validation.Iterations} iterations each)",
                    (progress, ct) => validator.CrossValidate(observations, folds, seed, cancellationToken: ct),
                    cancellationToken).ConfigureAwait(false)));
            }

            PairValidationFit outOfTime = await ProgressDisplay.RunAsync(
                context,
                $"out-of-time check (fitted before {validation.OutOfTime}, predicting {validation.OutOfTime} on)",
                (progress, ct) => validator.OutOfTime(observations, validation.OutOfTime, ct),
                cancellationToken).ConfigureAwait(false);
            string step = rule switch
            {
                UnfittedPairPrediction.Slopes => "second step, slopes only",
                UnfittedPairPrediction.ShrunkSlopes => "second step, shrunk slopes",
                UnfittedPairPrediction.HostMeans => "host levels",
                UnfittedPairPrediction.AllHostMeans => "host levels, every host",
                _ => "second step",
            };
            // The checks in the order of one assignment's report: the second step's, then the constant 0's.
            string FoldsLabel(int a) => assignments.Count > 1 ? $", folds {a + 1} (seed {assignments[a].Seed})" : "";
            string FoldsFile(int a) => a > 0 ? $"-folds-{a + 1}" : "";
            for (int a = 0; a < assignments.Count; a++)
            {
                if (assignments[a].Fit.Projected is Fit projectedPairs)
                {
                    checks.Add(($"cross-validated ({step}{ruleMark}{FoldsLabel(a)})", $"cross-validated{FoldsFile(a)}-second-step.csv", projectedPairs));
                }
            }

            if (outOfTime.Projected is Fit projectedLater)
            {
                checks.Add(($"out of time ({validation.OutOfTime}+, {step}{ruleMark})", "out-of-time-second-step.csv", projectedLater));
            }

            for (int a = 0; a < assignments.Count; a++)
            {
                checks.Add(($"cross-validated (constant 0{zeroMark}{FoldsLabel(a)})", $"cross-validated{FoldsFile(a)}.csv", assignments[a].Fit.Structural));
                int at = a;
                refits.AddRange((assignments[a].Fit.Refits ?? []).Select(r => assignments.Count > 1 ? r with { Check = $"folds {at + 1} (seed {assignments[at].Seed}), {r.Check}" } : r));
            }

            refits.AddRange(outOfTime.Refits ?? []);
            if (assignments.Count > 1)
            {
                repeated.Add(RepeatedLine($"constant 0{zeroMark}", assignments.Select(x => x.Fit.Structural).ToArray()));
                if (assignments.All(x => x.Fit.Projected is not null))
                {
                    repeated.Insert(0, RepeatedLine($"{step}{ruleMark}", assignments.Select(x => x.Fit.Projected!).ToArray()));
                }

                contextLines.AddRange(repeated);
            }

            checks.Add(($"out of time ({validation.OutOfTime}+, constant 0{zeroMark})", "out-of-time.csv", outOfTime.Structural));

            // The held-out fit of the scenario's own prediction for pairs without a figure, for the one-line summary
            // compare prints; not recorded for the experiments (a structure refit, pair effects, a weight for unfitted pairs).
            bool plainRule = structure is null && validation.Effects == (false, false) && validation.UnfittedWeight == 0;
            Fit[]? own = !scenarioPredicts ? [.. assignments.Select(x => x.Fit.Structural)]
                : assignments.All(x => x.Fit.Projected is not null) ? [.. assignments.Select(x => x.Fit.Projected!)]
                : null;
            if (plainRule && own is not null)
            {
                string check = (leaveOnePairOut ? $"leave one pair out, {pairCount} pairs" : $"{folds} folds by pair{(own.Length > 1 ? $", {own.Length} fold assignments" : "")}")
                    + (!scenarioPredicts ? ", constant 0" : rule == UnfittedPairPrediction.AllHostMeans ? ", the host's level" : $", {step}");
                heldOut = HeldOutOf(check, own, members);
                validationCommand = string.Create(CultureInfo.InvariantCulture,
                    $" --cross-validate {folds} --iterations {validation.Iterations} --held-out-constant {ObservationOptions.NameOf(rule)}")
                    + (validation.FoldSeed is int s0 ? string.Create(CultureInfo.InvariantCulture, $" --fold-seed {s0}") : "")
                    + (validation.FoldRepeats > 1 ? string.Create(CultureInfo.InvariantCulture, $" --fold-repeats {validation.FoldRepeats}") : "");
            }

            string seeds = assignments.Count > 1
                ? string.Create(CultureInfo.InvariantCulture, $"{firstSeed} to {unchecked(firstSeed + assignments.Count - 1)}, {assignments.Count} assignments")
                : firstSeed.ToString(CultureInfo.InvariantCulture);
            string scheme = leaveOnePairOut
                ? $"leave-one-pair-out cross-validation ({pairCount} folds, one origin-destination pair each)"
                : $"{folds}-fold cross-validation by origin-destination pair (folds dealt with seed {seeds})";
            contextLines.Add(string.Create(CultureInfo.InvariantCulture,
                $"validation: {scheme} and an out-of-time check from {validation.OutOfTime}, each fitting the pair constants from 0 by {validation.Iterations} inversion iterations with the scenario's other coefficients"));
            if (structure is not null)
            {
                contextLines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"structure refit before each check's inversion: {string.Join(", ", refitted.Select(p => $"{p.Path} in [{p.Lower:G4}, {p.Upper:G4}]"))}, every pair constant 0, {validation.Refit.Budget} evaluations of 1 replication at scale {validation.Refit.Scale:G4} (structure-refit.csv)"));
            }

            if (rule != UnfittedPairPrediction.Zero)
            {
                string effects = (validation.Effects.Origin, validation.Effects.Host) switch { (true, true) => "origin and host", (true, false) => "origin", (false, true) => "host", _ => "no" };
                contextLines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"second step: {ObservationOptions.Describe(rule)}, {effects} effects, pairs without a figure in the regression with weight {validation.UnfittedWeight:G3}"));
            }
        }

        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.csv"), FitReport.Csv(fit), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.html"), FitReport.Html(fit, $"Fit of {loaded.Name}", contextLines, members: members, validation: checks.Select(c => (c.Label, c.Fit)).ToArray()), cancellationToken)
            .ConfigureAwait(false);
        var summary = new FitSummaryFile(
            PathDisplay.Of(loaded.ScenarioFile), FitSummaryFile.Hash(loaded.Configuration), PathDisplay.Of(observationsPath), fit.Rows.Count, fit.Figures,
            Math.Exp(fit.MedianAbsoluteLogRatio), fit.WithinFactorTwo, fit.NotComparable.Count,
            string.Create(CultureInfo.InvariantCulture, $"mobility fit {PathDisplay.Of(loaded.ScenarioFile)} --observations {PathDisplay.Of(observationsPath)} --scale {loaded.Settings.Scenario.Scale:R} --replications {replications}{validationCommand}"),
            DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            heldOut);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, FitSummaryFile.FileName), summary.ToJson(), cancellationToken).ConfigureAwait(false);
        foreach (var (_, file, check) in checks)
        {
            await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, file), FitReport.Csv(check), cancellationToken).ConfigureAwait(false);
        }

        if (refits.Count > 0)
        {
            await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "structure-refit.csv"), RefitCsv(refits), cancellationToken).ConfigureAwait(false);
        }

        output.Commit();
        FitSummary.Write(context.Output, fit);
        FitSummary.WriteByCountry(context.Output, fit, members, "in sample");
        FitSummary.WriteByFlowGroup(context.Output, fit, members, "in sample");
        foreach (var (label, _, check) in checks)
        {
            FitSummary.Write(context.Output, check, label);
            FitSummary.WriteByCountry(context.Output, check, members, label);
            FitSummary.WriteByFlowGroup(context.Output, check, members, label);
        }

        foreach (string line in repeated)
        {
            context.Output.WriteLine(line);
        }

        foreach (var refit in refits)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"structure refit ({refit.Check}): {string.Join(", ", refit.Parameters.Select((p, i) => $"{p.Path}={refit.Values[i]:F3}"))}; objective of the structure alone {refit.StartObjective:F4} -> {refit.Objective:F4}"));
        }

        context.Output.WriteLine($"fit written to {PathDisplay.Of(output.FinalPath)} (fit.csv, fit.html, {FitSummaryFile.FileName}{string.Concat(checks.Select(c => ", " + c.File))}{(refits.Count > 0 ? ", structure-refit.csv" : "")})");
        return ExitCodes.Success;
    }

    /// <summary>
    /// A validation check's pair inversion with <paramref name="sets"/> applied: it replaces every pair constant the
    /// scenario sets (each starts from 0) and inverts the origin and host shifts from the scenario's.
    /// </summary>
    private static PairInversion InversionWith(LoadedScenario loaded, ScenarioVariants variants, IReadOnlyList<string> sets, int iterations, int replications, int threads, int? reportFrom)
    {
        var scenarioPairs = PairConstants.Of(loaded.Configuration).Keys.ToArray();
        ScenarioSettings SettingsFor(IReadOnlyDictionary<CountryPair, double> pairs)
            => variants.Settings(scenarioPairs.Where(p => !pairs.ContainsKey(p)).Select(p => PairConstants.Set(p, 0))
                .Concat(pairs.Select(kv => PairConstants.Set(kv.Key, kv.Value))).Concat(sets).ToArray());
        return new PairInversion(loaded.World, SettingsFor, new PairInversionOptions
        {
            Totals = PairConstants.Totals(loaded.Configuration, loaded.World.Countries.Where(c => c.IsMember).Select(c => c.Code), []),
            Iterations = iterations,
            Replications = replications,
            Threads = threads,
            ReportFrom = reportFrom,
        });
    }

    /// <summary>
    /// Each check's structure refit: the coefficients searched with every pair constant 0 (the origin and host shifts
    /// the scenario's) at the coarse --refit-scale with one replication; the check's inversion then runs with them at
    /// the fit's scale, as the validation's does (each pair constant from 0). Both bounds are built once (this names an unknown path).
    /// </summary>
    private static StructureRefit StructureRefitOf(
        LoadedScenario loaded, ScenarioVariants variants, IReadOnlyList<CalibrationParameter> parameters, Validation validation, int replications, int threads, int? reportFrom)
    {
        var pairsAtZero = PairConstants.Of(loaded.Configuration).Where(kv => !kv.Key.IsTotal).Select(kv => PairConstants.Set(kv.Key, 0)).ToArray();
        string coarse = string.Create(CultureInfo.InvariantCulture, $"scenario:scale={validation.Refit.Scale:R}");
        ScenarioSettings StructureFor(IReadOnlyList<double> values)
            => variants.Settings(pairsAtZero.Concat(parameters.Select((p, i) => p.Set(values[i]))).Append(coarse).ToArray());
        try
        {
            StructureFor(parameters.Select(p => p.Lower).ToArray());
            StructureFor(parameters.Select(p => p.Upper).ToArray());
        }
        catch (InputException ex)
        {
            throw new InputException($"--refit-structure: {ex.Message}");
        }

        PairInversion Refitted(IReadOnlyList<double> values)
            => InversionWith(loaded, variants, parameters.Select((p, i) => p.Set(values[i])).ToArray(), validation.Iterations, replications, threads, reportFrom);
        var start = parameters.Select(p => ScenarioOverlay.Value(loaded.Configuration, p.Path)).ToArray();
        return new StructureRefit(loaded.World, parameters, start, StructureFor, Refitted, new CalibrationOptions
        {
            Budget = validation.Refit.Budget,
            Replications = 1,
            Threads = threads,
            ReportFrom = reportFrom,
        });
    }

    /// <summary>The held-out fit over one or several fold assignments: geometric means of their median factors, mean share within 2x.</summary>
    private static HeldOutFit HeldOutOf(string check, IReadOnlyList<Fit> fits, IReadOnlyList<string> members)
    {
        var between = fits.Select(f => f.ByFlowGroup(members).First(g => g.Group == FlowGroup.BetweenMembers).Fit).ToArray();
        return new HeldOutFit(
            check,
            fits[0].Rows.Count,
            Math.Exp(fits.Average(f => f.MedianAbsoluteLogRatio)),
            fits.Average(f => f.WithinFactorTwo),
            between.All(b => b.Rows.Count > 0) ? Math.Exp(between.Average(b => b.MedianAbsoluteLogRatio)) : null);
    }

    /// <summary>Repeated cross-validation's summary: the mean and range of the assignments' median error factors and shares within 2x.</summary>
    private static string RepeatedLine(string rule, IReadOnlyList<Fit> fits)
    {
        double[] medians = fits.Select(f => f.MedianAbsoluteLogRatio).ToArray();
        double[] within = fits.Select(f => f.WithinFactorTwo).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"cross-validated ({rule}) over {fits.Count} fold assignments: median error factor x{Math.Exp(medians.Average()):F2} (mean |log ratio| of the medians {medians.Average():F3}; assignments x{Math.Exp(medians.Min()):F2} to x{Math.Exp(medians.Max()):F2}), within 2x {within.Average():P0} ({within.Min():P0} to {within.Max():P0})");
    }

    private static string RefitCsv(IReadOnlyList<RefittedStructure> refits)
    {
        var text = new System.Text.StringBuilder("check," + string.Join(",", refits[0].Parameters.Select(p => p.Path)) + ",start_objective,objective\n");
        foreach (var r in refits)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"{r.Check}\",{string.Join(",", r.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))},{r.StartObjective.ToString("R", CultureInfo.InvariantCulture)},{r.Objective.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        return text.ToString();
    }
}
