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
    private sealed record Validation(int? Folds, int OutOfTime, int Iterations, UnfittedPairPrediction Rule, int? FoldSeed, (bool Origin, bool Host) Effects, double UnfittedWeight);

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
                + "and an out-of-time check (constants inverted on the figures before --out-of-time, the later ones predicted). K >= 2, e.g. 5.",
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
        var pairEffects = ObservationOptions.PairEffects();
        var unfittedWeight = ObservationOptions.UnfittedWeight();
        var heldOutConstant = ObservationOptions.PairPrediction(
            "--held-out-constant",
            "projected",
            "With --cross-validate, how a pair without a fitted constant (held out, or a member pair without figures) is predicted, besides the constant 0 (always reported): "
                + "'projected' (default; what calibrate --unobserved-constant projected ships): Berry's second step, the fitted constants regressed (weighted ridge) on the pair covariates the utility reads "
                + "(distance, shared language, ties, visa, image, living cost, host rank and size, membership), x beta, the other constants inverted again around it; "
                + "'slopes' (what calibrate --unobserved-constant slopes ships): the same with the slopes only, (x - x_bar) beta, x_bar the training pairs' weighted mean; "
                + "'shrunk-slopes': the slopes times the empirical-Bayes factor tau^2 / (tau^2 + s^2) of the regression; "
                + "the column the scenario uses is marked. 'zero': the constant 0 only (the structural model; faster). See docs/calibration.md.");
        var command = new Command("fit", "Compare a scenario with published figures: fit.csv and fit.html (per target and overall error, per member country, log-log scatter); optionally cross-validated.")
        {
            scenario, observations, output, replications, scale, threads, force, set, crossValidate, outOfTime, iterations, foldSeed, heldOutConstant, pairEffects, unfittedWeight,
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
                ObservationOptions.PairPredictionRule(heldOutConstant, parseResult.GetValue(heldOutConstant)), parseResult.GetValue(foldSeed),
                ObservationOptions.PairEffectsOf(pairEffects, parseResult.GetValue(pairEffects)),
                ObservationOptions.UnfittedWeightOf(unfittedWeight, parseResult.GetValue(unfittedWeight))),
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

        var (observations, window, loaded, observationsPath) = ObservationOptions.Prepare(scenarioPath, observationsFile, userSets, scale, replications);
        using AtomicOutputDirectory output = AtomicOutputDirectory.Begin(outFolder ?? Path.Combine("runs", loaded.Name + "-fit"), force);

        Fit fit = await ProgressDisplay.RunAsync(
            context,
            "fitting",
            (progress, ct) => Calibrator.Evaluate(loaded.World, loaded.Settings, observations, replications, threads, window.ReportFrom, progress, ct),
            cancellationToken).ConfigureAwait(false);

        var contextLines = ObservationOptions.Context(loaded, observationsPath, window, replications).ToList();
        var members = loaded.World.Countries.Where(c => c.IsMember).Select(c => c.Code).ToArray();
        var checks = new List<(string Label, string File, Fit Fit)>();
        if (validation.Folds is int folds)
        {
            var variants = new ScenarioVariants(loaded);

            // The validation fits replace every pair constant the scenario sets: each starts from 0.
            var scenarioPairs = PairConstants.Of(loaded.Configuration).Keys.ToArray();
            ScenarioSettings SettingsFor(IReadOnlyDictionary<CountryPair, double> pairs)
                => variants.Settings(scenarioPairs.Where(p => !pairs.ContainsKey(p)).Select(p => PairConstants.Set(p, 0))
                    .Concat(pairs.Select(kv => PairConstants.Set(kv.Key, kv.Value))).ToArray());
            var inversion = new PairInversion(loaded.World, SettingsFor, new PairInversionOptions
            {
                Totals = PairConstants.Totals(loaded.Configuration, loaded.World.Countries.Where(c => c.IsMember).Select(c => c.Code), []),
                Iterations = validation.Iterations,
                Replications = replications,
                Threads = threads,
                ReportFrom = window.ReportFrom,
            });
            var memberPairs = PairProjection.MemberPairs(loaded.World);
            var validator = validation.Rule == UnfittedPairPrediction.Zero
                ? new PairValidation(inversion)
                : new PairValidation(inversion, new PairCovariates(loaded.World, validation.Effects.Origin, validation.Effects.Host), memberPairs, validation.Rule, validation.UnfittedWeight);

            // Which prediction the scenario itself makes for a member pair without a figure: x beta if it sets a
            // constant for one (calibrate --unobserved-constant projected), 0 otherwise; that column is marked.
            var informed = observations.Select(PairInversion.Informs).OfType<CountryPair>().ToHashSet();
            bool scenarioProjects = scenarioPairs.Any(p => memberPairs.Contains(p) && !informed.Contains(p));
            string projectedMark = scenarioProjects ? ", as the scenario does" : "";
            string zeroMark = scenarioProjects ? "" : ", as the scenario does";
            PairValidationFit crossValidated = await ProgressDisplay.RunAsync(
                context,
                $"cross-validating ({folds} folds by pair, {validation.Iterations} iterations each)",
                (progress, ct) => validator.CrossValidate(observations, folds, validation.FoldSeed ?? (int)(loaded.Settings.Scenario.Seed % int.MaxValue), cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            PairValidationFit outOfTime = await ProgressDisplay.RunAsync(
                context,
                $"out-of-time check (fitted before {validation.OutOfTime}, predicting {validation.OutOfTime} on)",
                (progress, ct) => validator.OutOfTime(observations, validation.OutOfTime, ct),
                cancellationToken).ConfigureAwait(false);
            if (crossValidated.Projected is Fit projectedPairs && outOfTime.Projected is Fit projectedLater)
            {
                string step = validation.Rule switch
                {
                    UnfittedPairPrediction.Slopes => "second step, slopes only",
                    UnfittedPairPrediction.ShrunkSlopes => "second step, shrunk slopes",
                    _ => "second step",
                };
                checks.Add(($"cross-validated ({step}{projectedMark})", "cross-validated-second-step.csv", projectedPairs));
                checks.Add(($"out of time ({validation.OutOfTime}+, {step}{projectedMark})", "out-of-time-second-step.csv", projectedLater));
            }

            checks.Add(($"cross-validated (constant 0{zeroMark})", "cross-validated.csv", crossValidated.Structural));
            checks.Add(($"out of time ({validation.OutOfTime}+, constant 0{zeroMark})", "out-of-time.csv", outOfTime.Structural));

            contextLines.Add(string.Create(CultureInfo.InvariantCulture,
                $"validation: {folds}-fold cross-validation by origin-destination pair (folds dealt with seed {validation.FoldSeed ?? (int)(loaded.Settings.Scenario.Seed % int.MaxValue)}) and an out-of-time check from {validation.OutOfTime}, each fitting the pair constants from 0 by {validation.Iterations} inversion iterations with the scenario's other coefficients"));
            if (validation.Rule != UnfittedPairPrediction.Zero)
            {
                string effects = (validation.Effects.Origin, validation.Effects.Host) switch { (true, true) => "origin and host", (true, false) => "origin", (false, true) => "host", _ => "no" };
                contextLines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"second step: {validation.Rule switch { UnfittedPairPrediction.Slopes => "slopes only, (x - x_bar) beta", UnfittedPairPrediction.ShrunkSlopes => "shrunk slopes, tau^2 / (tau^2 + s^2) (x - x_bar) beta", _ => "x beta" }}, {effects} effects, pairs without a figure in the regression with weight {validation.UnfittedWeight:G3}"));
            }
        }

        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.csv"), FitReport.Csv(fit), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.html"), FitReport.Html(fit, $"Fit of {loaded.Name}", contextLines, members: members, validation: checks.Select(c => (c.Label, c.Fit)).ToArray()), cancellationToken)
            .ConfigureAwait(false);
        var summary = new FitSummaryFile(
            PathDisplay.Of(loaded.ScenarioFile), FitSummaryFile.Hash(loaded.Configuration), PathDisplay.Of(observationsPath), fit.Rows.Count, fit.Figures,
            Math.Exp(fit.MedianAbsoluteLogRatio), fit.WithinFactorTwo, fit.NotComparable.Count,
            string.Create(CultureInfo.InvariantCulture, $"mobility fit {PathDisplay.Of(loaded.ScenarioFile)} --observations {PathDisplay.Of(observationsPath)} --scale {loaded.Settings.Scenario.Scale:R} --replications {replications}"),
            DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, FitSummaryFile.FileName), summary.ToJson(), cancellationToken).ConfigureAwait(false);
        foreach (var (_, file, check) in checks)
        {
            await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, file), FitReport.Csv(check), cancellationToken).ConfigureAwait(false);
        }

        output.Commit();
        FitSummary.Write(context.Output, fit);
        FitSummary.WriteByCountry(context.Output, fit, members, "in sample");
        foreach (var (label, _, check) in checks)
        {
            FitSummary.Write(context.Output, check, label);
            FitSummary.WriteByCountry(context.Output, check, members, label);
        }

        context.Output.WriteLine($"fit written to {PathDisplay.Of(output.FinalPath)} (fit.csv, fit.html, {FitSummaryFile.FileName}{string.Concat(checks.Select(c => ", " + c.File))})");
        return ExitCodes.Success;
    }
}
