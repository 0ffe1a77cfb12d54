namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mobility.Cli.Console;
using Mobility.Experiments.Sweeps;
using Mobility.Input;
using Mobility.Output.Files;
using Mobility.Output.Sweeps;

/// <summary>
/// <c>mobility sweep plan DESIGN --out DIR [--force]</c> writes a sweep's planned runs;
/// <c>mobility sweep run DIR [--shard I/N] [--threads N]</c> runs one shard of them, resumably.
/// </summary>
internal static class SweepVerb
{
    public static Command Create(CliContext context)
    {
        var command = new Command("sweep", "Parameter sweeps: 'plan' a design into a folder of runs, then 'run' it (whole, or shard by shard on a cluster), then 'mobility merge' and 'mobility sensitivity'.");
        command.Subcommands.Add(Plan(context));
        command.Subcommands.Add(Run(context));
        return command;
    }

    private static Command Plan(CliContext context)
    {
        var design = new Argument<string>("design") { Description = "The design file (JSON): base scenario, parameters with ranges or levels, method, samples, replications, metrics, years, seed, scale (see docs/sweeps.md)." };
        var output = new Option<string>("--out") { Description = "The sweep folder to create (design.json, design.parquet; later shards/, results.parquet).", Required = true };
        var force = new Option<bool>("--force") { Description = "Re-plan into an existing sweep folder, discarding its shards and results." };
        var command = new Command("plan", "Plan a sweep: check the design against its scenario and write DIR/design.parquet (run_id, point, parameters, replicate, seed) and DIR/design.json. Deterministic for a given design and seed.")
        {
            design, output, force,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, async () =>
        {
            var clock = Stopwatch.StartNew();
            LoadedSweepDesign loaded = SweepDesignLoader.Load(parseResult.GetValue(design)!);
            var folder = new SweepFolder(parseResult.GetValue(output)!);
            AtomicFile.RequireWritable(folder.DesignJson);
            if (File.Exists(folder.DesignJson) || Directory.Exists(folder.Shards) || File.Exists(folder.Results))
            {
                if (!parseResult.GetValue(force))
                {
                    throw new InputException($"{folder.Display} already holds a sweep; plan into a new folder, or pass --force to discard its plan, shards and results");
                }

                if (Directory.Exists(folder.Shards))
                {
                    Directory.Delete(folder.Shards, recursive: true);
                }

                foreach (string stale in new[] { folder.Results, folder.SensitivityCsv, folder.SensitivityPng })
                {
                    File.Delete(stale);
                }
            }

            SweepPlan plan = SweepPlanner.Plan(loaded.Design);
            await SweepPlanFiles.WriteAsync(folder, plan, cancellationToken).ConfigureAwait(false);
            SweepDesign d = loaded.Design;
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"planned {plan.Runs.Count:N0} runs ({plan.PointCount:N0} points x {d.Replications} replication(s); {d.Method.ToString().ToLowerInvariant()}, {d.Parameters.Count} parameters, samples {d.Samples}, seed {d.Seed}) in {clock.Elapsed.TotalSeconds:0.0} s"));
            context.Output.WriteLine($"wrote {PathDisplay.Of(folder.DesignParquet)} and {PathDisplay.Of(folder.DesignJson)}");
            context.Output.WriteLine($"next: mobility sweep run {folder.Display} [--shard I/N]");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Run(CliContext context)
    {
        var folderArgument = new Argument<string>("dir") { Description = "The sweep folder written by 'sweep plan'." };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run shard I of N (I from 0 to N-1, as SLURM_ARRAY_TASK_ID under --array=0-(N-1)); runs are dealt round-robin by run id. "
                + "Default: SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, else JOB_COMPLETION_INDEX/" + ShardResolution.CountVariable + " (Kubernetes indexed jobs), else the whole sweep.",
        };
        var threads = CommonOptions.Threads("Runs proceed side by side; results do not depend on it.");
        var command = new Command("run", "Run one shard of a planned sweep in parallel and write DIR/shards/part-I.parquet (run_id, parameters, year, country, metric, value). "
            + "Resumable: killed at any moment and started again, it skips the runs already stored.")
        {
            folderArgument, shard, threads,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () => ExecuteRunAsync(
            context, new SweepFolder(parseResult.GetValue(folderArgument)!), parseResult.GetValue(shard), parseResult.GetValue(threads), cancellationToken)));
        return command;
    }

    private static async Task<int> ExecuteRunAsync(CliContext context, SweepFolder folder, string? shardOption, int threads, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        SweepShard shard = ShardResolution.Resolve(shardOption, Environment.GetEnvironmentVariables());
        var (loaded, plan) = await SweepPlanFiles.ReadAsync(folder, cancellationToken).ConfigureAwait(false);
        using ShardStore store = ShardStore.Open(folder, plan, shard);
        HashSet<int> done = await store.CompletedRunsAsync(cancellationToken).ConfigureAwait(false);
        PlannedRun[] owned = plan.Runs.Where(r => shard.Owns(r.RunId)).ToArray();
        PlannedRun[] todo = owned.Where(r => !done.Contains(r.RunId)).ToArray();
        int already = owned.Length - todo.Length;
        TimeSpan loading = clock.Elapsed;
        if (todo.Length == 0)
        {
            await store.ConsolidateAsync(cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine($"shard {shard}: all {owned.Length} runs already stored; {PathDisplay.Of(store.PartPath)} is complete");
            return ExitCodes.Success;
        }

        if (already > 0)
        {
            context.Output.WriteLine($"shard {shard}: {already} of {owned.Length} runs already stored; resuming with {todo.Length}");
        }

        var running = Stopwatch.StartNew();
        TimeSpan settingsTime;
        try
        {
            settingsTime = await ProgressDisplay.RunAsync(
                context,
                $"shard {shard}",
                (progress, ct) => SweepRunner.Run(
                    plan, todo, loaded.Variants.Base.World, point => loaded.Variants.Settings(plan.SetsFor(point)), threads, store.Add, progress, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            store.Flush();
            HashSet<int> kept = await store.CompletedRunsAsync(CancellationToken.None).ConfigureAwait(false);
            context.Error.WriteLine($"interrupted: {kept.Count} of {owned.Length} runs of shard {shard} are stored; run the same command again to resume");
            return ExitCodes.Cancelled;
        }

        running.Stop();
        await store.ConsolidateAsync(cancellationToken).ConfigureAwait(false);
        double rate = todo.Length / Math.Max(running.Elapsed.TotalSeconds, 1e-9);
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"shard {shard}: {todo.Length} runs in {running.Elapsed.TotalSeconds:0.0} s ({rate:0.00} runs/s, {threads} threads); "
            + $"{owned.Length} of {plan.Runs.Count} planned runs are in this shard"));
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"setup {loading.TotalSeconds:0.0} s (design, scenario and world loaded once); settings for {todo.Select(r => r.Point).Distinct().Count()} points built in {settingsTime.TotalSeconds:0.00} s"));
        context.Output.WriteLine($"wrote {PathDisplay.Of(store.PartPath)}");
        return ExitCodes.Success;
    }
}
