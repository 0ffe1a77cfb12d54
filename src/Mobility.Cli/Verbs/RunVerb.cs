namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Diagnostics;
using Mobility.Cli.Console;
using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Output.Files;
using Mobility.Output.Runs;

/// <summary>
/// <c>mobility run SCENARIO [--seed N] [--threads N] [--scale K] [--out DIR] [--force] [--set key=value]...</c>:
/// loads and validates the scenario, runs the simulation, writes the outputs atomically and prints a summary.
/// </summary>
internal static class RunVerb
{
    public static Command Create(CliContext context)
    {
        var scenario = CommonOptions.Scenario();
        var seed = new Option<ulong?>("--seed")
        {
            Description = "Random seed (default: scenario:seed from the scenario). Same seed, same results, for any thread count.",
        };
        var threads = CommonOptions.Threads();
        var scale = new Option<double?>("--scale")
        {
            Description = "Persons per agent, e.g. 100 samples 1 in 100 for a quick run (default: scenario:scale). Results are reported in persons.",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Output folder (default: runs/<scenario name>). Written atomically: it appears only when the run is complete.",
        };
        var force = CommonOptions.Force();
        var set = CommonOptions.Set();

        var command = new Command("run", "Run a scenario and write metrics, flows, stocks and universities as Parquet files plus manifest.json.")
        {
            scenario,
            seed,
            threads,
            scale,
            output,
            force,
            set,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () => ExecuteAsync(
            context,
            new Request(
                CommonOptions.ResolveScenarioPath(parseResult.GetValue(scenario)!),
                parseResult.GetValue(seed),
                parseResult.GetValue(threads),
                parseResult.GetValue(scale),
                parseResult.GetValue(output),
                parseResult.GetValue(force),
                parseResult.GetValue(set) ?? []),
            cancellationToken)));
        return command;
    }

    private sealed record Request(string Scenario, ulong? Seed, int Threads, double? Scale, string? Out, bool Force, string[] Sets);

    private static async Task<int> ExecuteAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        LoadedScenario loaded = ScenarioLoader.Load(
            request.Scenario, new ScenarioLoadOptions { Seed = request.Seed, Scale = request.Scale, Sets = request.Sets });
        string outFolder = request.Out ?? Path.Combine("runs", loaded.Name);

        // Fails now, before a long run, if the folder exists and --force was not given.
        using AtomicOutputDirectory output = AtomicOutputDirectory.Begin(outFolder, request.Force);
        var info = loaded.Settings.Scenario;
        RunIdentity run = RunIdentity.Create(loaded.Name, info.Seed, info.Scale);

        var simulation = new Simulation(loaded.World, loaded.Settings, new SimulationOptions { Threads = request.Threads });
        RunResult result = await ProgressDisplay.RunAsync(context, simulation.Run, cancellationToken).ConfigureAwait(false);
        DateTimeOffset finished = DateTimeOffset.UtcNow;

        await RunOutputWriter.WriteAsync(output.WorkingPath, loaded, run, result, request.Threads, started, finished, cancellationToken)
            .ConfigureAwait(false);
        output.Commit();
        clock.Stop();

        RunSummary.Write(context.Console, loaded, result, clock.Elapsed, output.FinalPath, run.RunId);
        return ExitCodes.Success;
    }
}
