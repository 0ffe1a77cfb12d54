namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mobility.Cli.Console;
using Mobility.Experiments.Equivalence;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Model.Metrics;
using Mobility.Output.Equivalence;
using Mobility.Output.Files;
using Spectre.Console;

/// <summary>
/// <c>mobility equivalence OLD_GIT_REF [--old-cli PATH | --old-runs PATH] [--new-runs PATH] [--scenario S]... [--replications R]
/// [--scale K] [--years LIST] [--design independent|paired] [--out DIR] ...</c>: runs the old engine's and this engine's
/// own <c>compare</c> with the same seeds and settings and applies two one-sided tests (TOST) to every headline
/// metric of every member country in the chosen years; writes equivalence.csv and exits 0 when every test passes,
/// 3 when one does not (docs/performance.md, "Proving equivalence").
/// </summary>
internal static class EquivalenceVerb
{
    public const int DefaultReplications = 30;

    public const double DefaultScale = 10;

    public static readonly IReadOnlyList<string> DefaultScenarios = ["baseline", "ucahes-full", "kz-education-export"];

    public const string DefaultYears = "2030,2040";

    public static Command Create(CliContext context)
    {
        var oldRef = new Argument<string?>("old-git-ref")
        {
            Description = "The old engine: a commit of this repository (branch, tag, hash, HEAD~1), exported with 'git archive' into a temporary "
                + "folder, built in Release and deleted afterwards. Omit it when --old-cli or --old-runs gives the old engine.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var oldCli = new Option<string?>("--old-cli")
        {
            Description = "An already built old engine (its mobility.dll, or the folder holding it) instead of OLD_GIT_REF: saves the build when repeating.",
        };
        var oldRuns = new Option<string?>("--old-runs")
        {
            Description = "The old engine's results instead of running it: the runs.parquet of a 'mobility compare' (or its folder), e.g. OUT/old of an earlier check "
                + "(its replications, seeds and scale are those it was run with).",
        };
        var newRuns = new Option<string?>("--new-runs")
        {
            Description = "The new engine's results instead of running this program's compare: a runs.parquet or its folder (its replications, seeds and scale are those it was run with).",
        };
        var scenarios = new Option<string[]>("--scenario")
        {
            Description = "A scenario to compare (file, or bare name for scenarios/NAME.json); repeatable, the first is the reference of the compare runs. "
                + "Default: " + string.Join(", ", DefaultScenarios) + ".",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var replications = new Option<int>("--replications", "-r")
        {
            Description = $"Replications per scenario and engine (default {DefaultReplications}; at least 2, and 30 or more for a proof).",
            DefaultValueFactory = _ => DefaultReplications,
        };
        var scale = new Option<double>("--scale")
        {
            Description = $"Persons per agent for both engines (default {DefaultScale.ToString(CultureInfo.InvariantCulture)}).",
            DefaultValueFactory = _ => DefaultScale,
        };
        var seed = new Option<ulong?>("--seed")
        {
            Description = "Base seed of both engines' replication seeds (default: scenario:seed of the reference scenario).",
        };
        var newSeed = new Option<ulong?>("--new-seed")
        {
            Description = "Base seed of the new engine's runs only (default: --seed). Another seed makes the replications independent even for the "
                + "same engine: 'equivalence HEAD --new-seed 1' shows what the independent design can prove at these replications.",
        };
        var years = new Option<string>("--years")
        {
            Description = $"The years tested, comma-separated (default {DefaultYears}).",
            DefaultValueFactory = _ => DefaultYears,
        };
        var countries = new Option<string?>("--countries")
        {
            Description = "Country codes tested, comma-separated (default: the member countries of the reference scenario's world).",
        };
        var metrics = new Option<string?>("--metrics")
        {
            Description = "Metrics tested, comma-separated (default: the headline metrics: " + string.Join(", ", MetricCatalogue.Headline.Select(m => m.Name)) + ").",
        };
        var design = new Option<string>("--design")
        {
            Description = "independent (default): Welch's test on the two means, valid whatever the random streams; paired: tests the per-replication "
                + "differences, valid only when both engines draw the same random numbers for the same seed (far more power then).",
            DefaultValueFactory = _ => "independent",
        };
        design.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not ("independent" or "paired"))
            {
                result.AddError($"--design must be 'independent' or 'paired' (was '{value}')");
            }
        });
        var refInputs = new Option<bool>("--ref-inputs")
        {
            Description = "The old engine reads OLD_GIT_REF's own scenario files and world (same paths) instead of this checkout's: use it when the "
                + "scenario format changed between the two.",
        };
        var threads = CommonOptions.Threads("Each engine's runs proceed side by side; results do not depend on it.");
        var output = new Option<string?>("--out")
        {
            Description = "Output folder (default: runs/equivalence): equivalence.csv, each engine's compare output (old/, new/) and logs. Written atomically.",
        };
        var force = CommonOptions.Force();
        var set = CommonOptions.Set();
        set.Description = "Override one setting in every scenario of both engines: --set key=value (e.g. --set scenario:endYear=2030). Repeatable.";

        var command = new Command("equivalence", "Prove statistically that a changed engine simulates the same model as an old one: both engines run "
            + "the same scenarios with the same seeds, and two one-sided tests (TOST, alpha 0.05) check every headline metric of every member "
            + "country in each tested year against a margin of max(1% of the old mean, a quarter of the old replications' sd). Exit code 0 when "
            + $"every test passes, {ExitCodes.NotEquivalent} when one fails, 2 on bad input (also when OLD_GIT_REF does not exist or does not build).")
        {
            oldRef, oldCli, oldRuns, newRuns, scenarios, replications, scale, seed, newSeed, years, countries, metrics, design, refInputs, threads, output, force, set,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () => ExecuteAsync(
            context,
            new Request(
                parseResult.GetValue(oldRef),
                parseResult.GetValue(oldCli),
                parseResult.GetValue(oldRuns),
                parseResult.GetValue(newRuns),
                parseResult.GetValue(scenarios) is { Length: > 0 } s ? s : [.. DefaultScenarios],
                parseResult.GetValue(replications),
                parseResult.GetValue(scale),
                parseResult.GetValue(seed),
                parseResult.GetValue(newSeed),
                parseResult.GetValue(years)!,
                parseResult.GetValue(countries),
                parseResult.GetValue(metrics),
                parseResult.GetValue(design) == "paired" ? EquivalenceDesign.Paired : EquivalenceDesign.Independent,
                parseResult.GetValue(refInputs),
                parseResult.GetValue(threads),
                parseResult.GetValue(output) ?? Path.Combine("runs", "equivalence"),
                parseResult.GetValue(force),
                parseResult.GetValue(set) ?? []),
            cancellationToken)));
        return command;
    }

    private sealed record Request(
        string? OldRef,
        string? OldCli,
        string? OldRuns,
        string? NewRuns,
        string[] Scenarios,
        int Replications,
        double Scale,
        ulong? Seed,
        ulong? NewSeed,
        string Years,
        string? Countries,
        string? Metrics,
        EquivalenceDesign Design,
        bool RefInputs,
        int Threads,
        string Out,
        bool Force,
        string[] Sets);

    /// <summary>What the statistics test: names, codes and years, already checked.</summary>
    private sealed record Plan(IReadOnlyList<LoadedScenario> Scenarios, string[] Countries, string[] Metrics, int[] Years, ulong OldSeed, ulong NewSeed)
    {
        public IEnumerable<EquivalenceKey> Keys()
            => from s in Scenarios
               from c in Countries
               from m in Metrics
               from y in Years
               select new EquivalenceKey(s.Name, c, m, y);
    }

    private static async Task<int> ExecuteAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Plan plan = Check(request);
        var c = CultureInfo.InvariantCulture;
        using AtomicOutputDirectory output = AtomicOutputDirectory.Begin(request.Out, request.Force);
        string[] files = [.. plan.Scenarios.Select(s => Path.GetFullPath(s.ScenarioFile))];
        string settings = string.Create(c, $"{plan.Scenarios.Count} scenarios x {request.Replications} replications at scale {request.Scale:R}");

        string oldRunsPath;
        EngineBuild? build = null;
        try
        {
            if (request.OldRuns is not null)
            {
                oldRunsPath = ComparisonRunsReader.ResolvePath(request.OldRuns);
                context.Output.WriteLine($"old engine: the runs in {PathDisplay.Of(oldRunsPath)}");
            }
            else
            {
                string oldCli;
                string oldFolder = Environment.CurrentDirectory;
                string[] oldFiles = files;
                if (request.OldRef is not null)
                {
                    var step = Stopwatch.StartNew();
                    string repository = await EngineBuild.RepositoryRootAsync(Environment.CurrentDirectory, cancellationToken).ConfigureAwait(false);
                    context.Output.WriteLine($"old engine: building '{request.OldRef}' (git archive + dotnet build -c Release) ...");
                    build = await EngineBuild.CreateAsync(repository, request.OldRef, Path.Combine(output.WorkingPath, "build.log"), cancellationToken)
                        .ConfigureAwait(false);
                    context.Output.WriteLine(string.Create(c, $"old engine: commit {build.Commit[..12]} built in {step.Elapsed.TotalSeconds:0} s"));
                    oldCli = build.CliPath;
                    oldFolder = build.SourceRoot;
                    if (request.RefInputs)
                    {
                        oldFiles = [.. files.Select(f => InTree(f, repository, build.SourceRoot))];
                    }
                }
                else
                {
                    oldCli = EngineComparisonRun.ResolveCli(request.OldCli!, "--old-cli");
                }

                oldRunsPath = await RunEngineAsync(context, new EngineComparisonRun("old", oldCli, oldFolder), oldFiles, plan.OldSeed, request, output.WorkingPath, settings, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            build?.Dispose();
        }

        string newRunsPath = request.NewRuns is not null
            ? ComparisonRunsReader.ResolvePath(request.NewRuns)
            : await RunEngineAsync(context, new EngineComparisonRun("new", ThisEngine(), Environment.CurrentDirectory), files, plan.NewSeed, request, output.WorkingPath, settings, cancellationToken)
                .ConfigureAwait(false);
        if (request.NewRuns is not null)
        {
            context.Output.WriteLine($"new engine: the runs in {PathDisplay.Of(newRunsPath)}");
        }

        var scenarioNames = plan.Scenarios.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var countrySet = plan.Countries.ToHashSet(StringComparer.Ordinal);
        var metricSet = plan.Metrics.ToHashSet(StringComparer.Ordinal);
        ReplicatedValues oldValues = await ComparisonRunsReader.ReadAsync(oldRunsPath, scenarioNames, countrySet, metricSet, cancellationToken).ConfigureAwait(false);
        ReplicatedValues newValues = await ComparisonRunsReader.ReadAsync(newRunsPath, scenarioNames, countrySet, metricSet, cancellationToken).ConfigureAwait(false);
        CheckRuns(plan, request.Design, (oldRunsPath, oldValues), (newRunsPath, newValues));

        EquivalenceResult result = EquivalenceAnalysis.Run(oldValues, newValues, plan.Keys(), request.Design);
        await EquivalenceCsv.WriteAsync(Path.Combine(output.WorkingPath, EquivalenceCsv.FileName), result, cancellationToken).ConfigureAwait(false);
        output.Commit();

        int oldReplications = plan.Scenarios.Max(s => oldValues.SeedsOf(s.Name).Count);
        int newReplications = plan.Scenarios.Max(s => newValues.SeedsOf(s.Name).Count);
        context.Console.WriteLine(result.Design == EquivalenceDesign.Paired
            ? $"paired design: differences of {oldReplications} replications with the same seeds"
            : $"independent design (Welch): {oldReplications} old and {newReplications} new replications");
        context.Console.WriteLine(string.Create(c, $"two one-sided tests at alpha {result.Alpha:0.00} (90% intervals); margin max(1% of |old mean|, old sd / 4)"));
        EquivalenceSummaryTable.Write(
            context.Console,
            result,
            $"new engine vs old: {result.Passed} of {result.Rows.Count} tests pass",
            Path.Combine(output.FinalPath, EquivalenceCsv.FileName));
        if (request.Design == EquivalenceDesign.Independent && plan.OldSeed == plan.NewSeed && Identical(plan, oldValues, newValues))
        {
            context.Console.WriteLine("note: both engines gave bit-identical values for every tested quantity, so they share their random streams: "
                + "--design paired applies and has far more power");
        }

        string verdict = result.AllEquivalent
            ? "EQUIVALENT: every test passes"
            : $"NOT SHOWN EQUIVALENT: {result.Failed} of {result.Rows.Count} tests fail (exit code {ExitCodes.NotEquivalent})";
        context.Console.WriteLine(string.Create(c, $"{clock.Elapsed.TotalSeconds:0} s in all; {verdict}"));
        return result.AllEquivalent ? ExitCodes.Success : ExitCodes.NotEquivalent;
    }

    private static async Task<string> RunEngineAsync(
        CliContext context, EngineComparisonRun engine, string[] files, ulong seed, Request request, string workingPath, string settings, CancellationToken cancellationToken)
    {
        var step = Stopwatch.StartNew();
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine.Who} engine: compare, {settings}, seed {seed} ..."));
        string runs = await engine.RunAsync(
            files, request.Replications, seed, request.Scale, request.Threads, request.Sets,
            Path.Combine(workingPath, engine.Who), Path.Combine(workingPath, engine.Who + ".log"), cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine.Who} engine: done in {step.Elapsed.TotalSeconds:0} s"));
        return runs;
    }

    /// <summary>This program's own mobility.dll: the new engine.</summary>
    private static string ThisEngine()
    {
        string location = typeof(EquivalenceVerb).Assembly.Location;
        return location.Length > 0 && File.Exists(location)
            ? location
            : throw new InputException("this program has no mobility.dll to run as the new engine (a single-file build?); give its results with --new-runs");
    }

    /// <summary>The same file in the old engine's exported tree.</summary>
    private static string InTree(string file, string repository, string tree)
    {
        string relative = Path.GetRelativePath(repository, file);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new InputException($"--ref-inputs: scenario file '{PathDisplay.Of(file)}' is outside the repository, so OLD_GIT_REF has no version of it");
        }

        return Path.Combine(tree, relative);
    }

    private static Plan Check(Request request)
    {
        var problems = new List<string>();
        int oldSources = new[] { request.OldRef, request.OldCli, request.OldRuns }.Count(s => s is not null);
        if (oldSources != 1)
        {
            problems.Add(oldSources == 0
                ? "the old engine is missing: give OLD_GIT_REF (e.g. main), --old-cli PATH or --old-runs PATH"
                : "give the old engine once: OLD_GIT_REF, --old-cli and --old-runs exclude one another");
        }

        if (request.RefInputs && request.OldRef is null)
        {
            problems.Add("--ref-inputs needs OLD_GIT_REF (the scenario files are taken from that commit)");
        }

        if (request.Replications < 2)
        {
            problems.Add($"--replications must be >= 2 to estimate a spread (was {request.Replications})");
        }

        if (!(request.Scale > 0) || !double.IsFinite(request.Scale))
        {
            problems.Add($"--scale must be a number > 0 (was {request.Scale.ToString(CultureInfo.InvariantCulture)})");
        }

        if (request.Design == EquivalenceDesign.Paired && request.NewSeed is ulong n && n != request.Seed)
        {
            problems.Add("--new-seed gives the new engine other random numbers: its replications cannot be paired with the old ones; use --design independent");
        }

        int[] years = ParseList(request.Years, "--years", problems, (string part, out int y) => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out y), "a year such as 2030");
        string[] metrics = request.Metrics is null
            ? [.. MetricCatalogue.Headline.Select(m => m.Name)]
            : ParseList(request.Metrics, "--metrics", problems, (string part, out string m) => (m = part) is not null && MetricCatalogue.Find(part) is not null,
                "a metric name (" + string.Join(", ", MetricCatalogue.All.Select(m => m.Name)) + ")");

        var loaded = new List<LoadedScenario>();
        var options = new ScenarioLoadOptions { Scale = request.Scale, Sets = request.Sets };
        foreach (string scenario in request.Scenarios)
        {
            try
            {
                loaded.Add(ScenarioLoader.Load(CommonOptions.ResolveScenarioPath(scenario), options));
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
        var world = loaded[0].World.Countries;
        string[] countries = request.Countries is null
            ? [.. world.Where(c => c.IsMember).Select(c => c.Code)]
            : ParseList(request.Countries, "--countries", problems, (string part, out string code) => (code = part) is not null && world.Any(c => c.Code == part),
                "a country code of the world data (" + string.Join(", ", world.Select(c => c.Code)) + ")");
        var horizon = loaded[0].Settings.Scenario;
        foreach (int y in years.Where(y => y < horizon.StartYear || y > horizon.EndYear))
        {
            problems.Add($"--years: {y} is outside the reported years {horizon.StartYear}-{horizon.EndYear} of '{loaded[0].Name}'");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        ulong seed = request.Seed ?? loaded[0].Settings.Scenario.Seed;
        return new Plan(loaded, countries, metrics, years, seed, request.NewSeed ?? seed);
    }

    private delegate bool TryParse<T>(string part, out T value);

    /// <summary>A comma-separated list without repeats; each bad item adds a problem naming the option and what was expected.</summary>
    private static T[] ParseList<T>(string text, string option, List<string> problems, TryParse<T> parse, string expected)
    {
        var items = new List<T>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!parse(part, out T value))
            {
                problems.Add($"{option}: '{part}' is not {expected}");
            }
            else if (!items.Contains(value))
            {
                items.Add(value);
            }
        }

        if (items.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{option}: expected a comma-separated list with at least one item");
        }

        return [.. items];
    }

    /// <summary>Both runs files hold every scenario, every tested year, and (for a paired design) the same replications and seeds.</summary>
    private static void CheckRuns(Plan plan, EquivalenceDesign design, (string Path, ReplicatedValues Values) old, (string Path, ReplicatedValues Values) @new)
    {
        var problems = new List<string>();
        foreach (var (path, values) in new[] { old, @new })
        {
            var missing = plan.Scenarios.Select(s => s.Name).Where(s => values.SeedsOf(s).Count == 0).ToArray();
            if (missing.Length > 0)
            {
                problems.Add($"{PathDisplay.Of(path)} has no runs of {string.Join(", ", missing.Select(s => $"'{s}'"))} for the tested countries and metrics "
                    + $"(it has: {(values.Scenarios.Count > 0 ? string.Join(", ", values.Scenarios) : "none")})");
            }

            var one = plan.Scenarios.Select(s => s.Name).Where(s => values.SeedsOf(s).Count == 1).ToArray();
            if (one.Length > 0)
            {
                problems.Add($"{PathDisplay.Of(path)} has a single replication of {string.Join(", ", one)}: at least two are needed to estimate a spread");
            }
        }

        foreach (int year in plan.Years.Where(y => !old.Values.Years.Contains(y) && !@new.Values.Years.Contains(y)))
        {
            problems.Add($"--years: {year} is in neither runs file (they have {Span(old.Values.Years)} and {Span(@new.Values.Years)})");
        }

        if (problems.Count == 0 && design == EquivalenceDesign.Paired)
        {
            problems.AddRange(EquivalenceAnalysis.PairingProblems(old.Values, @new.Values, plan.Scenarios.Select(s => s.Name)));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
    }

    private static string Span(IReadOnlyCollection<int> years) => years.Count == 0 ? "no years" : $"{years.Min()}-{years.Max()}";

    private static bool Identical(Plan plan, ReplicatedValues oldValues, ReplicatedValues newValues)
        => plan.Keys().All(k => oldValues.Of(k).SequenceEqual(newValues.Of(k)));
}
