namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Diagnostics;
using Mobility.Cli.Console;
using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Input.World;
using Mobility.Output.Files;
using Mobility.Output.Runs;

/// <summary>
/// <c>mobility run SCENARIO [--seed N] [--threads N] [--scale K] [--out DIR] [--force] [--set key=value]... [--save-state YEAR] [--from-state FILE]</c>:
/// loads and validates the scenario, runs the simulation (from the first year, or from a saved state), writes the
/// outputs atomically (with the state at the end of YEAR if asked) and prints a summary.
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
        var saveState = new Option<int?>("--save-state")
        {
            Description = "Also write the state at the end of this simulated year into the output folder as state-YEAR.mstate, to continue from with --from-state.",
        };
        var fromState = new Option<string?>("--from-state")
        {
            Description = "Continue from a state saved by --save-state instead of the first year: same scenario, seed, scale and world, and the numbers of the whole run.",
        };

        var command = new Command("run", "Run a scenario and write metrics, flows, stocks and universities as Parquet files plus manifest.json.")
        {
            scenario,
            seed,
            threads,
            scale,
            output,
            force,
            set,
            saveState,
            fromState,
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
                parseResult.GetValue(set) ?? [],
                parseResult.GetValue(saveState),
                parseResult.GetValue(fromState)),
            cancellationToken)));
        return command;
    }

    private sealed record Request(string Scenario, ulong? Seed, int Threads, double? Scale, string? Out, bool Force, string[] Sets, int? SaveState, string? FromState);

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

        SimulationSnapshot? from = request.FromState is string file ? StateFile.Read(file) : null;
        SimulationSnapshot? captured = null;
        var simulation = new Simulation(loaded.World, loaded.Settings, new SimulationOptions
        {
            Threads = request.Threads,
            WorldIdentity = WorldFingerprint.Of(loaded.WorldFolder),
            CaptureYear = request.SaveState,
            Captured = snapshot => captured = snapshot,
        });
        CheckStates(request, loaded, simulation, from);
        RunResult result = await ProgressDisplay.RunAsync(
            context,
            (progress, ct) => from is null ? simulation.Run(progress, ct) : simulation.Run(from, progress, ct),
            cancellationToken).ConfigureAwait(false);
        if (captured is not null)
        {
            await StateFile.WriteAsync(Path.Combine(output.WorkingPath, StateFile.FileName(captured.Year)), captured, cancellationToken).ConfigureAwait(false);
        }

        DateTimeOffset finished = DateTimeOffset.UtcNow;

        await RunOutputWriter.WriteAsync(output.WorkingPath, loaded, run, result, request.Threads, started, finished, cancellationToken)
            .ConfigureAwait(false);
        output.Commit();
        clock.Stop();

        RunSummary.Write(context.Console, loaded, result, clock.Elapsed, output.FinalPath, run.RunId);
        return ExitCodes.Success;
    }

    /// <summary>The saved state belongs to this run, and the year to save is one the run simulates after it.</summary>
    private static void CheckStates(Request request, LoadedScenario loaded, Simulation simulation, SimulationSnapshot? from)
    {
        var info = loaded.Settings.Scenario;
        var problems = new List<string>();
        if (from is not null)
        {
            var differences = from.Key.Differences(simulation.KeyAt(from.Year));
            if (differences.Count > 0)
            {
                problems.Add($"--from-state '{PathDisplay.Of(request.FromState!)}' is the state of another run than scenario '{loaded.Name}' "
                    + $"({PathDisplay.Of(loaded.ScenarioFile)}) at the end of {from.Year}: {string.Join("; ", differences)}; "
                    + "continue it with the scenario, seed, scale and world it was saved with");
            }
            else if (from.Year >= info.EndYear)
            {
                problems.Add($"--from-state '{PathDisplay.Of(request.FromState!)}' is the state at the end of {from.Year}, the last year of scenario '{loaded.Name}': nothing is left to run");
            }
        }

        if (request.SaveState is int year)
        {
            int first = from is null ? simulation.FirstYear : from.Year + 1;
            if (year < first || year > info.EndYear)
            {
                problems.Add($"--save-state must be a year the run simulates, {first} to {info.EndYear} (was {year})");
            }
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
    }
}
