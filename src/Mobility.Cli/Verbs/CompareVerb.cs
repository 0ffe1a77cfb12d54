namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mobility.Cli.Console;
using Mobility.Experiments.Calibration;
using Mobility.Experiments.Comparison;
using Mobility.Input;
using Mobility.Output.Comparison;
using Mobility.Output.Posterior;
using Mobility.Input.Configuration;
using Mobility.Input.Observations;
using Mobility.Output.Files;
using Mobility.Output.Runs;
using Mobility.Reports.Comparison;

/// <summary>
/// <c>mobility compare [SCENARIO...] [--replications R] [--seed N] [--scale K] [--threads N] [--out DIR] [--force] [--set key=value]...</c>:
/// runs every scenario R times with common random numbers, writes runs.parquet, summary.parquet, summary.csv and
/// report.html (with charts/) atomically, and prints the key effects.
/// </summary>
internal static class CompareVerb
{
    /// <summary>
    /// The default sampling scale of a comparison: one agent per 10 persons keeps the default comparison (six shipped
    /// scenarios, ten replications) within two minutes on two cores, with the foreign-seat limits still binding.
    /// </summary>
    public const double DefaultScale = 10;

    public const int DefaultReplications = 10;

    /// <summary>Over a posterior: the default number of draws, and of replications per draw (two, the fewest that measure the noise within a draw).</summary>
    public const int DefaultDraws = 12;

    public const int DefaultReplicationsPerDraw = 2;

    /// <summary>Over a posterior: inversion iterations re-deriving the pair constants for each draw.</summary>
    public const int DefaultPairIterations = 2;

    public static Command Create(CliContext context)
    {
        var scenarios = new Argument<string[]>("scenarios")
        {
            Description = "Scenario files (or bare names for scenarios/NAME.json); the first is the reference. Default: scenarios/baseline.json "
                + "followed by every other scenarios/*.json layered over it.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var replications = new Option<int?>("--replications", "-r")
        {
            Description = $"Runs per scenario (at least 2; default {DefaultReplications}). Replication r of every scenario uses the same seed, so differences are paired. "
                + $"With --posterior: runs per posterior draw (default {DefaultReplicationsPerDraw}).",
        };
        var posterior = new Option<string?>("--posterior")
        {
            Description = "A posterior.parquet from `mobility posterior` (e.g. scenarios/posterior/baseline-posterior.parquet): each replication takes a posterior draw of the "
                + "coefficients (the same draw and seed for every scenario), and the summary adds the total interval, the variance shares of coefficients and noise, "
                + "and the probability that the effect is positive.",
        };
        var draws = new Option<int?>("--draws")
        {
            Description = $"With --posterior: posterior draws (default {DefaultDraws}), by systematic resampling of the weighted particles, reproducible from the seed.",
        };
        var pairIterations = new Option<int>("--pair-iterations")
        {
            Description = $"With --posterior, when the reference sets pair constants (choice:pairShift): inversion iterations re-deriving them for each draw's coefficients "
                + $"(the calibration's inversion, warm-started from the reference's constants, one run per iteration at --scale, on the observations next to the scenario); "
                + $"0 keeps the reference's constants for every draw (default {DefaultPairIterations}).",
            DefaultValueFactory = _ => DefaultPairIterations,
        };
        var unobserved = ObservationOptions.PairPredictionOfScenario(
            "--unobserved-constant",
            "With --posterior and --pair-iterations > 0, when the reference sets constants for member pairs without a figure (calibrate --unobserved-constant): "
                + "the rule that predicts them again from each draw's fitted constants, the rest re-inverted around them as calibrate does; "
                + "the rule the reference was calibrated with (the shipped baseline's: all-host-means, the host's level); 'zero' keeps the reference's constants for those pairs.");
        var seed = new Option<ulong?>("--seed")
        {
            Description = "Base seed the replication seeds are derived from (default: scenario:seed of the reference). Same seed, same results.",
        };
        var scale = new Option<double>("--scale")
        {
            Description = "Persons per agent for every scenario (default 10: the default comparison runs in under two minutes on two cores; 1 is one agent per person).",
            DefaultValueFactory = _ => DefaultScale,
        };
        var threads = CommonOptions.Threads("Runs proceed side by side; results do not depend on it.");
        var output = new Option<string?>("--out")
        {
            Description = "Output folder (default: runs/compare). Written atomically: it appears only when everything is written.",
        };
        var force = CommonOptions.Force();
        var noFork = new Option<bool>("--no-fork")
        {
            Description = "Run every scenario from the first year instead of simulating the years they share once per replication (slower; the numbers are the same).",
        };
        var set = CommonOptions.Set();
        set.Description = "Override one setting in every compared scenario: --set key=value (e.g. --set scenario:endYear=2035). Repeatable.";

        var command = new Command("compare", "Compare scenarios: replications with common random numbers, means and paired differences with 95% "
            + "confidence intervals, written as runs.parquet, summary.parquet, summary.csv and a self-contained report.html with charts.")
        {
            scenarios,
            replications,
            posterior,
            draws,
            pairIterations,
            unobserved,
            seed,
            scale,
            threads,
            output,
            force,
            set,
            noFork,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () => ExecuteAsync(
            context,
            new Request(
                (parseResult.GetValue(scenarios) ?? []).Select(CommonOptions.ResolveScenarioPath).ToArray(),
                parseResult.GetValue(replications),
                parseResult.GetValue(posterior),
                parseResult.GetValue(draws),
                parseResult.GetValue(seed),
                parseResult.GetValue(scale),
                parseResult.GetValue(threads),
                parseResult.GetValue(output),
                parseResult.GetValue(force),
                parseResult.GetValue(set) ?? [],
                parseResult.GetValue(noFork),
                parseResult.GetValue(pairIterations),
                ObservationOptions.PairPredictionRuleIfGiven(unobserved, parseResult.GetValue(unobserved))),
            cancellationToken)));
        return command;
    }

    private sealed record Request(
        string[] Scenarios, int? ReplicationsOption, string? Posterior, int? DrawsOption, ulong? Seed, double Scale, int Threads, string? Out, bool Force, string[] Sets, bool NoFork = false, int PairIterations = DefaultPairIterations,
        UnfittedPairPrediction? Unobserved = null)
    {
        /// <summary>Replications per scenario, or per draw over a posterior.</summary>
        public int Replications => ReplicationsOption ?? (Posterior is null ? DefaultReplications : DefaultReplicationsPerDraw);

        public int Draws => DrawsOption ?? DefaultDraws;
    }

    private static async Task<int> ExecuteAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var problems = new List<string>();
        if (request.Replications < 2)
        {
            problems.Add($"--replications must be >= 2 to estimate confidence intervals (was {request.Replications})");
        }

        if (request.Posterior is null && request.DrawsOption is not null)
        {
            problems.Add("--draws needs --posterior (the draws are taken from a posterior file)");
        }

        if (request.Posterior is not null && request.Draws < 2)
        {
            problems.Add($"--draws must be >= 2 to separate the coefficients' share of the variance from the noise (was {request.Draws})");
        }

        if (!(request.Scale > 0) || !double.IsFinite(request.Scale))
        {
            problems.Add($"--scale must be a number > 0 (was {request.Scale.ToString(CultureInfo.InvariantCulture)})");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        IReadOnlyList<string> files = request.Scenarios.Length > 0 ? request.Scenarios : ScenarioCatalog.BaselineAndOverlays("scenarios");
        // --scale is a layer below the --set options, so that an explicit --set scenario:scale=... still wins, as every --set does.
        var options = new ScenarioLoadOptions { Scale = request.Scale, Sets = request.Sets };
        var loaded = new List<LoadedScenario>();
        foreach (string file in files)
        {
            try
            {
                loaded.Add(ScenarioLoader.Load(file, options));
            }
            catch (InputException ex)
            {
                problems.AddRange(ex.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        ComparableScenarios.Check(loaded);
        LoadedScenario reference = loaded[0];
        ulong baseSeed = request.Seed ?? reference.Settings.Scenario.Seed;
        PosteriorDraws.Prepared? overPosterior = request.Posterior is null
            ? null
            : await PosteriorDraws.PrepareAsync(
                request.Posterior, request.Draws, request.Replications, baseSeed, loaded, PairConstantsPerDraw(reference, request), cancellationToken).ConfigureAwait(false);
        double scale = reference.Settings.Scenario.Scale;
        string outFolder = request.Out ?? Path.Combine("runs", "compare");

        // Fails now, before the runs, if the folder exists and --force was not given.
        using AtomicOutputDirectory output = AtomicOutputDirectory.Begin(outFolder, request.Force);
        var scenarios = overPosterior?.Scenarios ?? loaded.Select(l => new ComparisonScenario(l.Name, l.World, l.Settings)).ToArray();
        int replications = overPosterior?.Draws.Replications ?? request.Replications;
        int total = scenarios.Count * replications;
        ComparisonRuns runs = await ProgressDisplay.RunAsync(
            context,
            $"compare {scenarios.Count} scenarios x {replications}",
            (progress, ct) => ScenarioComparison.Run(
                scenarios, replications, baseSeed, request.Threads, progress, ct, overPosterior?.Draws, new ComparisonExecution { Fork = !request.NoFork }),
            cancellationToken).ConfigureAwait(false);
        TimeSpan simulated = clock.Elapsed;
        IReadOnlyList<SummaryRow> summary = ComparisonSummary.Build(runs);

        await ComparisonOutput.WriteAllAsync(output.WorkingPath, runs, scale, summary, cancellationToken).ConfigureAwait(false);
        var parameters = Parameters(request, loaded, runs, started, simulated, Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart);
        // The shipped fit summary next to the reference scenario's observations (written by mobility fit), if there is one.
        string? fitLine = FitSummaryFile.TryRead(Path.Combine(Path.GetDirectoryName(reference.Files[0])!, "observations"))?.Sentence(reference.Configuration, reference.Name);
        await ComparisonReport.WriteAsync(output.WorkingPath, new ComparisonReportInput(runs, summary, loaded, parameters, fitLine), cancellationToken)
            .ConfigureAwait(false);
        output.Commit();
        clock.Stop();

        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        ComparisonSummaryTable.Write(
            context.Console,
            runs,
            summary,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{total} runs ({scenarios.Count} scenarios x {Replications(runs)}, scale {scale:R}, {request.Threads} threads): "
                + $"{clock.Elapsed.TotalSeconds:0.0} s wall, {cpu.TotalSeconds:0.0} s CPU"),
            Path.Combine(output.FinalPath, ComparisonOutput.SummaryFile),
            Path.Combine(output.FinalPath, ComparisonReport.FileName));
        if (fitLine is not null)
        {
            context.Output.WriteLine(fitLine);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The pair constants re-derived for each posterior draw (issue 12, item 2): the reference's constants were fitted
    /// with the calibrated coefficients, and a draw that changes the structural coefficients shifts the pairs' levels,
    /// so each draw's constants come from the calibration's inversion (<see cref="PairInversion"/>) run from the
    /// reference's constants with the draw's coefficients, <see cref="Request.PairIterations"/> iterations of one run
    /// at the comparison's scale, on the observations next to the scenario (observations/observations.csv), simulated
    /// over their years. Null when there is nothing to re-derive (no posterior, no constants, 0 iterations).
    /// </summary>
    private static PosteriorDraws.PerDrawOverrides? PairConstantsPerDraw(LoadedScenario reference, Request request)
    {
        Dictionary<CountryPair, double> constants = PairConstants.Of(reference.Configuration);
        if (request.Posterior is null || request.PairIterations < 1 || constants.Count == 0)
        {
            return null;
        }

        var (targets, window, windowed, _) = ObservationOptions.Prepare(reference.ScenarioFile, null, request.Sets, reference.Settings.Scenario.Scale, replications: 1);
        var variants = new ScenarioVariants(windowed);
        var options = new PairInversionOptions { Iterations = request.PairIterations, Replications = 1, Threads = 1, ReportFrom = window.ReportFrom };

        // A reference that predicts its member pairs without a figure (calibrate --unobserved-constant) gets them
        // predicted again from each draw's fitted constants by the rule given (the shipped baseline's: the host's level).
        var memberPairs = PairProjection.MemberPairs(windowed.World);
        var rule = ObservationOptions.RuleFor(request.Unobserved, reference);
        bool predicts = rule != UnfittedPairPrediction.Zero && PairProjection.PredictsUnfitted(constants, targets, memberPairs);
        string[] keys = constants.Keys.Concat(targets.Select(PairInversion.Informs).OfType<CountryPair>().Where(p => !p.IsTotal))
            .Concat(predicts ? memberPairs : []).Select(p => p.Path).Distinct().ToArray();
        return new PosteriorDraws.PerDrawOverrides(keys, request.Threads, drawSets =>
        {
            var inversion = new PairInversion(windowed.World, pairs => variants.Settings([.. drawSets, .. pairs.Select(kv => PairConstants.Set(kv.Key, kv.Value))]), options);
            var derived = DrawPairConstants.For(inversion, targets, constants, windowed.World, predicts ? memberPairs : null, rule);
            return derived.Final.Constants.Select(kv => PairConstants.Set(kv.Key, kv.Value)).ToArray();
        });
    }

    /// <summary>"10 replications", or over a posterior "20 draws x 2 replications".</summary>
    private static string Replications(ComparisonRuns runs)
        => runs.Draws is ComparisonDraws d ? $"{d.Count} posterior draws x {d.ReplicationsPerDraw} replications" : $"{runs.Replications} replications";

    private static List<KeyValuePair<string, string>> Parameters(
        Request request, IReadOnlyList<LoadedScenario> loaded, ComparisonRuns runs, DateTimeOffset started, TimeSpan simulated, TimeSpan cpu)
    {
        var c = CultureInfo.InvariantCulture;
        var command = new List<string> { "mobility", "compare" };
        command.AddRange(loaded.Select(l => PathDisplay.Of(l.ScenarioFile)));
        if (runs.Draws is ComparisonDraws posteriorDraws)
        {
            command.AddRange(["--posterior", PathDisplay.Of(posteriorDraws.Source), "--draws", posteriorDraws.Count.ToString(c)]);
        }

        command.AddRange([
            "--replications", request.Replications.ToString(c),
            "--seed", runs.BaseSeed.ToString(c),
            "--scale", runs.Reference.Settings.Scenario.Scale.ToString("R", c),
        ]);
        command.AddRange(request.Sets.SelectMany(s => new[] { "--set", s }));
        var s0 = runs.Reference.Settings.Scenario;
        return
        [
            new("command (reproduces the numbers)", string.Join(' ', command)),
            new("scenarios", string.Join(", ", runs.Scenarios.Select(s => s.Name)) + $" (reference: {runs.Reference.Name})"),
            new("replications", runs.Draws is null ? runs.Replications.ToString(c) : Replications(runs)),
            new("base seed", runs.BaseSeed.ToString(c)),
            new("replication seeds", string.Join(", ", runs.Seeds.Select(s => s.ToString(c)))),
            .. runs.Draws is ComparisonDraws d
                ? new KeyValuePair<string, string>[]
                {
                    new("posterior", $"{PathDisplay.Of(d.Source)}: {string.Join(", ", d.Paths)}"),
                    new("posterior particles drawn (draw 1 to D)", string.Join(", ", d.Particles.Select(p => p.ToString(c)))),
                }
                : [],
            new("scale (persons per agent)", runs.Reference.Settings.Scenario.Scale.ToString("R", c)),
            new("reported years", $"{s0.StartYear}-{s0.EndYear} after {s0.SpinUpYears} spin-up years"),
            new("world", PathDisplay.Of(loaded[0].WorldFolder)),
            new("threads", request.Threads.ToString(c)),
            new("engine version", ManifestWriter.EngineVersion),
            new("started (UTC)", started.ToString("u", c)),
            new("simulation time", string.Create(c, $"{simulated.TotalSeconds:0.0} s wall, {cpu.TotalSeconds:0.0} s CPU")),
        ];
    }
}
