namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;
using Xunit;

/// <summary>
/// The law behind the engine's memory behaviour: a steady-state year allocates per-year bookkeeping (closures, the
/// year's records), never per agent. Each phase's allocation in a year is the same with ten times the agents.
/// </summary>
public sealed class SteadyStateAllocationTests
{
    [Fact]
    public void A_steady_year_allocates_the_same_bytes_per_phase_with_ten_times_the_agents()
    {
        var (names, small) = SmallestAllocationPerPhase(scale: 100);
        var (_, large) = SmallestAllocationPerPhase(scale: 10);
        for (int p = 0; p < names.Length; p++)
        {
            // A few hundred bytes of slack: bookkeeping may differ slightly (e.g. a country's rounding), agents may not.
            Assert.True(
                Math.Abs(large[p] - small[p]) <= 512,
                $"phase {names[p]}: {small[p]} bytes a year with ~30 thousand students, {large[p]} with ~300 thousand");
        }
    }

    /// <summary>
    /// Bytes allocated by each phase, the least over three consecutive years after 2040 (a year in which a reused
    /// buffer grows with the slowly growing population allocates it once; the least year shows the steady state).
    /// One thread, so every allocation is on this thread.
    /// </summary>
    private static (string[] Names, long[] Bytes) SmallestAllocationPerPhase(double scale)
    {
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=" + scale.ToString(System.Globalization.CultureInfo.InvariantCulture), "scenario:endYear=2050");
        var step = new YearStep(loaded.World, loaded.Settings, threads: 1, new Dictionary<string, double>());
        int year = step.State.FirstYear;
        for (; year < 2040; year++)
        {
            step.Run(year);
        }

        var least = new long[step.Phases.Count];
        Array.Fill(least, long.MaxValue);
        for (int y = 0; y < 3; y++, year++)
        {
            step.Begin(year);
            for (int p = 0; p < least.Length; p++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                step.RunPhase(p);
                least[p] = Math.Min(least[p], GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }

        return (step.Phases.Select(p => p.Name).ToArray(), least);
    }
}
