namespace Mobility.Tests.Engine;

using System.Collections.Concurrent;
using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Input.Configuration;

/// <summary>
/// Shared helpers of the engine tests: where the repository is, how to load a shipped scenario at a coarse
/// sampling scale, and a cache of finished runs so that tests reading the same run do not simulate it twice.
/// </summary>
internal static class EngineTestKit
{
    /// <summary>The five Central Asian members (the region of UCAHES).</summary>
    public static readonly string[] Members = ["KAZ", "KGZ", "TJK", "TKM", "UZB"];

    /// <summary>Worker threads of ordinary test runs (the test machine has two cores).</summary>
    public const int Threads = 2;

    /// <summary>
    /// The common coarse run: one agent per 20 persons, reported years 2025-2032. Coarse enough to run in a few
    /// seconds, fine enough that the universities' foreign seats (hundreds of agents for the big hosts) bind.
    /// </summary>
    public static readonly string[] Coarse = ["scenario:scale=20", "scenario:endYear=2032"];

    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Simulation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (the folder holding Simulation.sln) not found above " + AppContext.BaseDirectory);
    });

    private static readonly ConcurrentDictionary<string, Lazy<RunResult>> Runs = new(StringComparer.Ordinal);

    public static string RepositoryRoot => Root.Value;

    public static string ScenarioPath(string scenario) => Path.Combine(RepositoryRoot, "scenarios", scenario + ".json");

    /// <summary>
    /// Loads a shipped scenario with <c>--set</c> overrides. The environment is an empty dictionary so that
    /// <c>MOBILITY_*</c> variables of the machine running the tests cannot change the results.
    /// </summary>
    public static LoadedScenario Load(string scenario, params string[] sets)
        => ScenarioLoader.Load(ScenarioPath(scenario), new ScenarioLoadOptions { Sets = sets, Environment = new Dictionary<string, string>() });

    /// <summary>A fresh, uncached run.</summary>
    public static RunResult Run(LoadedScenario loaded, int threads = Threads)
        => new Simulation(loaded.World, loaded.Settings, new SimulationOptions { Threads = threads }).Run();

    /// <summary>
    /// A run of <paramref name="scenario"/> with <paramref name="sets"/>, simulated once per test process.
    /// Results are read-only lists of records, so sharing them between tests is safe.
    /// </summary>
    public static RunResult Cached(string scenario, params string[] sets)
    {
        string key = scenario + "|" + string.Join("|", sets);
        return Runs.GetOrAdd(key, _ => new Lazy<RunResult>(() => Run(Load(scenario, sets)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    public static bool IsMember(string code) => Array.IndexOf(Members, code) >= 0;

    /// <summary>Persons of one flow kind from one set of origins to another, summed over a range of years.</summary>
    public static double FlowSum(RunResult run, string kind, int fromYear, int toYear, Func<string, string, bool> pair)
        => run.Flows
            .Where(f => f.Kind == kind && f.Year >= fromYear && f.Year <= toYear && f.Origin != f.Destination && pair(f.Origin, f.Destination))
            .Sum(f => f.Persons);

    /// <summary>Sum of one metric of one country over the reported years.</summary>
    public static double MetricSum(RunResult run, string country, string metric)
        => run.Metrics.Where(m => m.Country == country && m.Metric == metric).Sum(m => m.Value);

    /// <summary>Asserts two record lists are identical, element by element and in order, naming the first difference.</summary>
    public static void AssertIdentical<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {expected.Count} records expected, {actual.Count} found");
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(comparer.Equals(expected[i], actual[i]), $"{what}: record {i} differs: expected {expected[i]}, found {actual[i]}");
        }
    }

    /// <summary>Asserts two runs gave the same numbers: every record of every output, in order.</summary>
    public static void AssertSameResults(RunResult expected, RunResult actual, string what)
    {
        AssertIdentical(expected.Metrics, actual.Metrics, what + ": metrics");
        AssertIdentical(expected.Flows, actual.Flows, what + ": flows");
        AssertIdentical(expected.Stocks, actual.Stocks, what + ": stocks");
        AssertIdentical(expected.Universities, actual.Universities, what + ": universities");
        AssertIdentical(expected.Ledger, actual.Ledger, what + ": ledger");
    }
}
