namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mobility.Cli.Console;
using Mobility.Experiments.Posterior;
using Mobility.Model.Uncertainty;
using Mobility.Experiments.Runs;
using Mobility.Experiments.Sweeps;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Output.Files;
using Mobility.Output.Runs;
using Mobility.Input.Priors;
using Mobility.Output.Posterior;
using Mobility.Output.Sweeps;
using Mobility.Model.Parameters;
using Mobility.Reports.Posterior;

/// <summary>
/// <c>mobility posterior SCENARIO --priors FILE --observations FILE --out DIR [--particles N] [--generations G] ...</c>:
/// the posterior over uncertain coefficients by ABC-SMC, its simulations stored as sweeps (resumable, shardable).
/// </summary>
internal static class PosteriorVerb
{
    public static Command Create(CliContext context)
    {
        var scenario = CommonOptions.Scenario();
        var priors = new Option<string>("--priors")
        {
            Description = "Priors file (JSON): per coefficient path a normal, lognormal or uniform distribution with optional truncation bounds and a justification, "
                + "e.g. scenarios/priors/baseline-priors.json (see docs/uncertainty.md).",
            Required = true,
        };
        var observations = ObservationOptions.Observations();
        var particles = new Option<int>("--particles") { Description = "Particles per generation: the posterior's weighted draws.", DefaultValueFactory = _ => 200 };
        var generations = new Option<int>("--generations")
        {
            Description = "Generations at most, counting generation 0 (the prior sample). A finished posterior can be continued with a larger value into the same --out.",
            DefaultValueFactory = _ => 12,
        };
        var sampler = new SamplerOptions();
        var maxSimulations = new Option<long?>("--max-simulations") { Description = "Simulations in all at most; a generation that would exceed it is abandoned." };
        var seed = new Option<ulong?>("--seed") { Description = "Seeds the proposals and the simulations' seeds (default: scenario:seed). The same seed gives the same posterior on any thread count and shard count." };
        var scale = ObservationOptions.Scale();
        var output = new Option<string>("--out")
        {
            Description = "The posterior folder: settings.json, generations/ (every simulation, resumable), then posterior.parquet, generations.parquet, diagnostics.csv, posterior.html. "
                + "Run the same command again to resume after an interruption.",
            Required = true,
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Simulate only shard I of N of each round (I from 0 to N-1, as SLURM_ARRAY_TASK_ID); the process stops when the round waits for other shards, "
                + "and the next start continues. Default: SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX/" + ShardResolution.CountVariable + ", else every shard in this process.",
        };
        var threads = CommonOptions.Threads("The posterior does not depend on it.");
        var force = new Option<bool>("--force") { Description = "Discard the simulations and outputs already in --out (e.g. after changing the priors or the scenario)." };
        var set = CommonOptions.Set();
        var command = new Command(
            "posterior",
            "A posterior over uncertain coefficients (annealed ABC-SMC: the calibration objective read as an observation-error likelihood, tempered adaptively to temperature 1; "
            + "normal perturbation kernel): draws from the priors, simulates each draw at --scale and weights it by prior, proposal and likelihood. A verb of its own rather than a calibrate option because "
            + "it returns a distribution, not a point, and works in a folder of stored simulations that can be resumed and sharded over a cluster.")
        {
            scenario, priors, observations, particles, generations, sampler.MinGenerations, sampler.EssFraction, sampler.KernelScale, sampler.PriorShare, sampler.ErrorScale, maxSimulations, seed, scale, output, shard, threads, force, set,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () => ExecuteAsync(
            context,
            new Request(
                CommonOptions.ResolveScenarioPath(parseResult.GetValue(scenario)!),
                parseResult.GetValue(priors)!,
                parseResult.GetValue(observations),
                sampler.Read(parseResult, new AbcSmcOptions
                {
                    Particles = parseResult.GetValue(particles),
                    MaxGenerations = parseResult.GetValue(generations),
                    MaxSimulations = parseResult.GetValue(maxSimulations),
                }),
                parseResult.GetValue(sampler.ErrorScale),
                parseResult.GetValue(seed),
                parseResult.GetValue(scale),
                parseResult.GetValue(output)!,
                parseResult.GetValue(shard),
                parseResult.GetValue(threads),
                parseResult.GetValue(force),
                parseResult.GetValue(set) ?? []),
            cancellationToken)));
        return command;
    }

    private sealed record Request(
        string Scenario, string Priors, string? Observations, AbcSmcOptions Options, double ErrorScale, ulong? Seed, double? Scale, string Out, string? Shard, int Threads, bool Force, string[] Sets);

    private static async Task<int> ExecuteAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var problems = SamplerOptions.Problems(request.Options, request.ErrorScale);
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        LoadedPriors priors = PriorsLoader.Load(request.Priors);
        // MOBILITY_* variables are ignored, as for sweeps: shards on different machines must simulate the same settings.
        var (observations, window, loaded, observationsPath) = ObservationOptions.Prepare(
            request.Scenario, request.Observations, request.Sets, request.Scale, replications: 1, environment: new Dictionary<string, string>());
        var variants = new ScenarioVariants(loaded);
        CheckAgainstScenario(priors, variants);
        AbcSmcOptions options = request.Options with { Seed = request.Seed ?? loaded.Settings.Scenario.Seed };
        SweepShard resolved = ShardResolution.Resolve(request.Shard, Environment.GetEnvironmentVariables());
        SweepShard? shard = request.Shard is null && resolved == SweepShard.Whole ? null : resolved;

        var folder = new PosteriorFolder(request.Out);
        if (request.Force)
        {
            PosteriorSettings.Discard(folder);
        }

        PosteriorSettings.WriteOrCheck(folder, Settings(loaded, priors, request, options, observationsPath));
        var distance = new FitObjectiveDistance(observations, window.ReportFrom);
        var error = new ObservationErrorModel(observations, request.ErrorScale);
        var progress = new Progress(options);
        var evaluator = new SweepParticleDistances(folder, priors.Prior, variants, distance, request.Threads, shard, progress);
        var simulating = Stopwatch.StartNew();
        PosteriorResult result;
        try
        {
            result = await ProgressDisplay.RunAsync<PosteriorProgress, PosteriorResult>(
                context,
                (display, ct) =>
                {
                    progress.Display = display;
                    return new AbcSmc(priors.Prior, evaluator, error.Precision, options).Run(progress, ct);
                },
                Describe,
                cancellationToken).ConfigureAwait(false);
        }
        catch (BatchPendingException pending)
        {
            context.Output.WriteLine($"shard {shard}: its simulations of generation {pending.Generation}, round {pending.Round} are stored ({evaluator.Simulated} run now); "
                + $"waiting for {pending.WaitingFor}. Start the same command again (any shard) once they are done to go on.");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine($"interrupted: the simulations finished so far are stored in {folder.Display}; run the same command again to resume");
            return ExitCodes.Cancelled;
        }

        simulating.Stop();
        var contextLines = ObservationOptions.Context(loaded, observationsPath, window, 1).ToList();
        contextLines.Add($"priors: {PathDisplay.Of(request.Priors)} ({priors.Prior.Dimension} coefficients){(priors.Description.Length > 0 ? ": " + priors.Description : "")}");
        contextLines.Add(string.Create(CultureInfo.InvariantCulture,
            $"annealed ABC-SMC: {options.Particles} particles per generation, each temperature the lowest keeping the effective sample size >= {options.EssFraction} x N, {options.MinGenerations} to {options.MaxGenerations} generations, seed {options.Seed}"));
        contextLines.Add(string.Create(CultureInfo.InvariantCulture,
            $"likelihood: the observation-error model of scale {request.ErrorScale} (ln k = -{error.Precision:G4} x the calibration objective: weighted mean Huber loss of the log errors beyond each figure's range and tolerance) of one simulation per draw"));
        await PosteriorFiles.WriteAsync(folder, result, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(folder.Html, PosteriorReport.Html(result, $"Posterior of {loaded.Name}", contextLines), cancellationToken).ConfigureAwait(false);

        Summary(context.Output, result, evaluator, simulating.Elapsed, clock.Elapsed, request.Threads);
        context.Output.WriteLine($"posterior written to {folder.Display} (posterior.parquet, generations.parquet, diagnostics.csv, posterior.html)");
        return ExitCodes.Success;
    }

    /// <summary>Every value a prior can draw must give a valid scenario: check the ends of its support (or its 1e-6 tails).</summary>
    internal static void CheckAgainstScenario(LoadedPriors priors, ScenarioVariants variants)
    {
        var problems = new List<string>();
        string display = PathDisplay.Of(priors.Path);
        for (int i = 0; i < priors.Prior.Dimension; i++)
        {
            CoefficientPrior c = priors.Prior.Coefficients[i];
            foreach (double value in new[] { c.Distribution.Quantile(1e-6), c.Distribution.Quantile(1 - 1e-6) })
            {
                try
                {
                    variants.Settings([c.Set(value)]);
                }
                catch (InputException ex)
                {
                    problems.Add($"{display}: priors:{i} ({c.Path}): the value {value.ToString("G6", CultureInfo.InvariantCulture)}, within the prior's support, is rejected by the scenario: {string.Join("; ", ex.Problems)}");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
    }

    private static Dictionary<string, string> Settings(LoadedScenario loaded, LoadedPriors priors, Request request, AbcSmcOptions options, string observationsPath)
    {
        string configuration = string.Join("\n", loaded.Configuration.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(kv => $"{kv.Key}={kv.Value}"));
        return new Dictionary<string, string>
        {
            ["scenario"] = loaded.ScenarioFile,
            ["scenario_configuration_sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(configuration))),
            ["observations_sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(observationsPath))),
            ["priors_sha256"] = priors.Sha256,
            ["particles"] = options.Particles.ToString(CultureInfo.InvariantCulture),
            ["prior_share"] = options.PriorShare.ToString("R", CultureInfo.InvariantCulture),
            ["kernel_scale"] = options.KernelScale.ToString("R", CultureInfo.InvariantCulture),
            ["ess_fraction"] = options.EssFraction.ToString("R", CultureInfo.InvariantCulture),
            ["error_scale"] = request.ErrorScale.ToString("R", CultureInfo.InvariantCulture),
            ["max_simulations"] = options.MaxSimulations?.ToString(CultureInfo.InvariantCulture) ?? "none",
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static void Summary(TextWriter output, PosteriorResult result, SweepParticleDistances evaluator, TimeSpan simulating, TimeSpan total, int threads)
    {
        Population posterior = result.Posterior;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"posterior: {result.Diagnostics.Count} generations completed, pooled into {posterior.Count} draws (effective sample size {posterior.EffectiveSampleSize:F0}), "
            + $"temperature {result.Diagnostics[^1].Temperature:G4}{(result.Diagnostics[^1].Temperature > 1 ? " (tempered: wider than the posterior)" : "")}; stopped: {result.Stop}"));
        foreach (GenerationRecord r in result.Diagnostics)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  generation {r.Generation}: temperature {r.Temperature,-10:G4} simulations {r.Simulations,6:N0}  ESS {r.EffectiveSampleSize,6:F0}  pooled ESS {r.PooledEffectiveSampleSize,7:F0}  median distance {r.MedianDistance:G4}"));
        }

        for (int k = 0; k < result.Prior.Dimension; k++)
        {
            CoefficientPrior c = result.Prior.Coefficients[k];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Path,-40} median {posterior.Quantile(k, 0.5),9:G4}  90% [{posterior.Quantile(k, 0.05):G4}, {posterior.Quantile(k, 0.95):G4}]  (prior [{c.Distribution.Quantile(0.05):G4}, {c.Distribution.Quantile(0.95):G4}])"));
        }

        double perSimulation = evaluator.Simulated > 0 ? simulating.TotalSeconds / evaluator.Simulated : double.NaN;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Simulations:N0} simulations ({evaluator.Simulated:N0} run now, {evaluator.Reused:N0} found stored); {simulating.TotalSeconds:F1} s simulating on {threads} thread(s) "
            + $"({perSimulation * 1000:F0} ms wall per simulation run now), {total.TotalSeconds:F1} s in all"));
    }

    private static ProgressDisplay.Step Describe(PosteriorProgress p)
        => new(
            p.BatchDone,
            Math.Max(1, p.BatchSize),
            string.Create(CultureInfo.InvariantCulture,
                $"generation {p.Generation}/{p.MaxGenerations}: temperature {p.Temperature:G4}, {p.Simulations:N0} simulations, batch {p.BatchDone}/{p.BatchSize}"));

    /// <summary>What the progress line shows: the generation being filled and the batch being simulated.</summary>
    private readonly record struct PosteriorProgress(int Generation, int MaxGenerations, double Temperature, long Simulations, int BatchDone, int BatchSize);

    /// <summary>Merges the algorithm's progress (per batch) and the simulations' (per run) into one line.</summary>
    private sealed class Progress(AbcSmcOptions options) : IProgress<AbcSmcProgress>, IProgress<BatchProgress>
    {
        private PosteriorProgress state = new(0, options.MaxGenerations, double.PositiveInfinity, 0, 0, 0);

        public IProgress<PosteriorProgress>? Display { get; set; }

        public void Report(AbcSmcProgress value)
        {
            state = state with { Generation = value.Generation, Temperature = value.Temperature, Simulations = value.Simulations };
            Display?.Report(state);
        }

        public void Report(BatchProgress value)
        {
            state = state with { BatchDone = value.Completed, BatchSize = value.Total };
            Display?.Report(state);
        }
    }
}
