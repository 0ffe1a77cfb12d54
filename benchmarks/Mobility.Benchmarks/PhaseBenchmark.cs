namespace Mobility.Benchmarks;

using System.Globalization;
using BenchmarkDotNet.Attributes;
using Mobility.Engine.Kernel;

/// <summary>
/// One phase of a simulated year, alone, at about 100 thousand and 1 million students in steady state. Each
/// iteration is one year: [IterationSetup] starts the year and runs the phases before the measured one, the
/// benchmark runs the measured phase, and [IterationCleanup] runs the phases after it, so every invocation sees a
/// real mid-year state and the population stays in steady state.
/// </summary>
/// <remarks>
/// The memory diagnoser's "Allocated" is per phase and year; that it does not grow tenfold from 100 thousand to 1
/// million agents is the check that no phase allocates per agent.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
[MaxWarmupCount(8)]
[MaxIterationCount(20)]
public class PhaseBenchmark
{
    private YearStep step = null!;
    private int year;
    private int phase;

    [Params(100_000, 1_000_000)]
    public int Agents { get; set; }

    [Params("derived", "entry", "degree_mobility", "credit_mobility", "admission", "study", "graduation", "scholars", "rankings", "image")]
    public string Phase { get; set; } = "study";

    [Params(2)]
    public int Threads { get; set; }

    internal int Students => step.State.Students.Count;

    [GlobalSetup]
    public void Setup()
    {
        step = SteadyState.Create(Agents, Threads, out year);
        phase = step.IndexOf(Phase);
        if (phase < 0)
        {
            throw new InvalidOperationException($"no phase '{Phase}' (phases: {string.Join(", ", step.Phases.Select(p => p.Name))})");
        }
    }

    [IterationSetup]
    public void StartYear()
    {
        if (year > SteadyState.EndYear)
        {
            throw new InvalidOperationException($"the benchmark ran past {SteadyState.EndYear}; lower the iteration count");
        }

        step.Begin(year);
        for (int p = 0; p < phase; p++)
        {
            step.RunPhase(p);
        }
    }

    [Benchmark]
    public void RunPhase() => step.RunPhase(phase);

    [IterationCleanup]
    public void FinishYear()
    {
        for (int p = phase + 1; p < step.Phases.Count; p++)
        {
            step.RunPhase(p);
        }

        year++;
    }

    [GlobalCleanup]
    public void Cleanup() => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"// {nameof(PhaseBenchmark)} {Phase}: {step.State.Students.Count:N0} students at the end, next year {year}"));
}
