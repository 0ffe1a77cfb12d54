namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Globalization;
using Mobility.Cli.Console;
using Mobility.Experiments.Calibration;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Output.Files;
using Mobility.Reports.Fit;

/// <summary>
/// <c>mobility fit SCENARIO --observations FILE [--out DIR] [--replications R] [--scale K]</c>: runs the scenario over
/// the observed years and writes how well it reproduces the observations (fit.csv, fit.html), without calibrating.
/// </summary>
internal static class FitVerb
{
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
        var command = new Command("fit", "Compare a scenario with observed stocks and flows: fit.csv and fit.html (per target and overall error, log-log scatter).")
        {
            scenario, observations, output, replications, scale, threads, force, set,
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
            cancellationToken)));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        CliContext context, string scenarioPath, string? observationsFile, string? outFolder, int replications, double? scale, int threads, bool force,
        string[] userSets, CancellationToken cancellationToken)
    {
        var (observations, window, loaded, observationsPath) = ObservationOptions.Prepare(scenarioPath, observationsFile, userSets, scale, replications);
        using AtomicOutputDirectory output = AtomicOutputDirectory.Begin(outFolder ?? Path.Combine("runs", loaded.Name + "-fit"), force);

        Fit fit = await ProgressDisplay.RunAsync(
            context,
            "fitting",
            (progress, ct) => Calibrator.Evaluate(loaded.World, loaded.Settings, observations, replications, threads, window.ReportFrom, progress, ct),
            cancellationToken).ConfigureAwait(false);

        var contextLines = ObservationOptions.Context(loaded, observationsPath, window, replications).ToList();
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.csv"), FitReport.Csv(fit), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(output.WorkingPath, "fit.html"), FitReport.Html(fit, $"Fit of {loaded.Name}", contextLines, members: loaded.World.Countries.Where(c => c.IsMember).Select(c => c.Code).ToArray()), cancellationToken)
            .ConfigureAwait(false);
        output.Commit();
        FitSummary.Write(context.Output, fit);
        context.Output.WriteLine($"fit written to {PathDisplay.Of(output.FinalPath)} (fit.csv, fit.html)");
        return ExitCodes.Success;
    }
}
