namespace Mobility.Benchmarks;

using System.Globalization;
using BenchmarkDotNet.Attributes;
using Mobility.Engine.Core;
using Mobility.IO.Configuration;

/// <summary>
/// One simulated academic year of the full region (every phase of <see cref="YearStep.Run"/>), from a population in
/// steady state.
/// </summary>
/// <remarks>
/// <para>
/// No [IterationSetup]: rebuilding and spinning up the population before each iteration would take far longer than the
/// year being measured. Every invocation simply runs the next year on the state left by the previous one. After the
/// spin-up the state evolves slowly (entry grows by about 1-3% a year per country and policies are fixed), so
/// consecutive years cost about the same. The drift over the few dozen years of a run is part of what the figures
/// measure, so expect a slow upward trend across iterations.
/// </para>
/// <para>
/// Each invocation consumes one simulated year, so the horizon is moved to <see cref="EndYear"/> through --set and
/// the number of years a run may consume is bounded. [InvocationCount(1)] makes every iteration exactly one year
/// (otherwise the pilot stage would pack about ten 50 ms years into each 500 ms iteration at scale 10). The warm-up and
/// workload iteration counts are capped (<see cref="MaxWarmup"/>, <see cref="MaxIterations"/>). With the jitting
/// stage and the memory diagnoser's extra iteration added, a default run stays well under the
/// <see cref="EndYear"/> - startYear + 1 years available. [GlobalCleanup] prints the years a run used. If a run still
/// goes past the horizon, <see cref="RunYear"/> throws rather than measuring a year the scenario does not define.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
[MaxWarmupCount(MaxWarmup)]
[MaxIterationCount(MaxIterations)]
public class WholeYearBenchmark
{
    public const int EndYear = 2100;
    private const int MaxWarmup = 10;
    private const int MaxIterations = 40;

    private YearStep step = null!;
    private int year;
    private int firstMeasuredYear;
    private int endYear;

    /// <summary>People represented by one agent; scale 1 is about 2.1-2.4 million student agents.</summary>
    [Params(10, 1)]
    public int Scale { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Students alive after the last year run (for the smoke line).</summary>
    internal int Students => step.State.Students.Count;

    internal int NextYear => year;

    [GlobalSetup]
    public void Setup()
    {
        var loaded = ScenarioLoader.Load(RepositoryPaths.Scenario("baseline.json"), new ScenarioLoadOptions
        {
            Sets =
            [
                string.Create(CultureInfo.InvariantCulture, $"scenario:scale={Scale}"),
                string.Create(CultureInfo.InvariantCulture, $"scenario:endYear={EndYear}"),
            ],
            Environment = new Dictionary<string, string>(),
        });
        var settings = loaded.Settings;
        step = new YearStep(loaded.World, settings, Threads, new Dictionary<string, double>());
        endYear = settings.Scenario.EndYear;

        // Spin-up years: bring the population to steady state before anything is measured.
        for (year = step.State.FirstYear; year < settings.Scenario.StartYear; year++)
        {
            step.Run(year);
        }

        firstMeasuredYear = year;
    }

    [Benchmark]
    public void RunYear()
    {
        if (year > endYear)
        {
            throw new InvalidOperationException(
                $"the benchmark ran past scenario:endYear={endYear}; raise {nameof(EndYear)} or lower the iteration count");
        }

        step.Run(year++);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {nameof(WholeYearBenchmark)}: ran years {firstMeasuredYear}-{year - 1} ({year - firstMeasuredYear} invocations), {step.State.Students.Count:N0} students at the end"));
    }
}
