namespace Mobility.Benchmarks;

using System.Globalization;
using BenchmarkDotNet.Attributes;
using Mobility.Engine.Kernel;

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
/// (otherwise the pilot stage would pack several short years into each iteration at 100 thousand agents). The warm-up and
/// workload iteration counts are capped (<see cref="MaxWarmup"/>, <see cref="MaxIterations"/>). With the jitting
/// stage and the memory diagnoser's extra iteration added, a default run stays well under the
/// <see cref="EndYear"/> - startYear + 1 years available. [GlobalCleanup] prints the years a run used. If a run still
/// goes past the horizon, <see cref="RunYear"/> throws rather than measuring a year the scenario does not define.
/// </para>
/// <para>
/// The memory diagnoser's "Allocated" per year stays about the same from 100 thousand to 1 million agents: a
/// steady-state year allocates only per-year bookkeeping (closures, the year's records), nothing per agent.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
[MaxWarmupCount(MaxWarmup)]
[MaxIterationCount(MaxIterations)]
public class WholeYearBenchmark
{
    public const int EndYear = SteadyState.EndYear;
    private const int MaxWarmup = 10;
    private const int MaxIterations = 40;

    private YearStep step = null!;
    private int year;
    private int firstMeasuredYear;

    /// <summary>Active students in steady state, about (the region sampled at the matching scale).</summary>
    [Params(100_000, 1_000_000)]
    public int Agents { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Students alive after the last year run (for the smoke line).</summary>
    internal int Students => step.State.Students.Count;

    internal int NextYear => year;

    [GlobalSetup]
    public void Setup()
    {
        step = SteadyState.Create(Agents, Threads, out year);
        firstMeasuredYear = year;
    }

    [Benchmark]
    public void RunYear()
    {
        if (year > EndYear)
        {
            throw new InvalidOperationException(
                $"the benchmark ran past scenario:endYear={EndYear}; raise {nameof(EndYear)} or lower the iteration count");
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
