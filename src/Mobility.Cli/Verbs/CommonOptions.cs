namespace Mobility.Cli.Verbs;

using System.CommandLine;

/// <summary>Arguments and options shared by the verbs.</summary>
internal static class CommonOptions
{
    public static Argument<string> Scenario() => new("scenario")
    {
        Description = "The scenario JSON file (e.g. scenarios/ucahes-full.json, or just 'ucahes-full' for scenarios/ucahes-full.json). "
            + "A file may name its base scenario with a top-level \"base\" key; the base is loaded first and the file layered over it.",
    };

    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override one setting: --set key=value, with ':' between sections, e.g. --set degreeMobility:a0=-3 or "
            + "--set policies:nationalScholarship:bolashak:awardsPerYear=3000. Repeatable; applied after the scenario files and "
            + "after MOBILITY_* environment variables (MOBILITY_SCENARIO__SEED=5 sets scenario:seed).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// The most worker threads any verb accepts. Threads beyond the cores only add overhead, and a verb that runs whole
    /// simulations side by side (compare, fit, sweep run) holds one world's agents per thread: a mistyped 100000 would
    /// exhaust memory, not speed anything up. A fixed number, so that a command line works on every machine.
    /// </summary>
    public const int MaxThreads = 256;

    /// <summary>
    /// <c>--threads N</c>: worker threads, default all cores; values outside 1..<see cref="MaxThreads"/> are refused at
    /// parsing. Every verb's results are independent of it, which <paramref name="how"/> can say in the verb's own terms.
    /// </summary>
    public static Option<int> Threads(string how = "Results do not depend on it.")
    {
        var option = new Option<int>("--threads")
        {
            Description = $"Worker threads, 1 to {MaxThreads} (default: all cores). " + how,
            DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, MaxThreads),
        };
        option.Validators.Add(result =>
        {
            if (ThreadCountProblem(result.GetValueOrDefault<int>()) is string problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>Why <paramref name="threads"/> is not an acceptable thread count, or null if it is.</summary>
    public static string? ThreadCountProblem(int threads) => threads switch
    {
        < 1 => $"--threads must be >= 1 (was {threads})",
        > MaxThreads => $"--threads must be at most {MaxThreads} (was {threads}); this machine has {Environment.ProcessorCount} cores, and threads beyond them only add overhead",
        _ => null,
    };

    /// <summary><c>--force</c>: replace an existing output folder, only once the new one is complete.</summary>
    public static Option<bool> Force(string what = "the output folder") => new("--force")
    {
        Description = $"Replace {what} if it exists (the old one is removed only after the new one is complete).",
    };

    /// <summary>Accepts a bare scenario name (no folder, no extension) for <c>scenarios/NAME.json</c>.</summary>
    public static string ResolveScenarioPath(string argument)
    {
        if (File.Exists(argument))
        {
            return argument;
        }

        bool bare = argument.IndexOfAny(['/', '\\']) < 0 && !argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        string candidate = Path.Combine("scenarios", argument + ".json");
        return bare && File.Exists(candidate) ? candidate : argument;
    }
}
