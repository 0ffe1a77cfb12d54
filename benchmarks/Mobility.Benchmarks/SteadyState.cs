namespace Mobility.Benchmarks;

using Mobility.Engine.Kernel;
using Mobility.Input.Configuration;

/// <summary>
/// The full region (scenarios/baseline.json) sampled so that about <c>agents</c> students are active, spun up to
/// steady state: the starting point of the year and phase benchmarks.
/// </summary>
internal static class SteadyState
{
    /// <summary>Last year the benchmarks may run (each invocation consumes a year).</summary>
    public const int EndYear = 2100;

    /// <summary>A stepped-up year runner with about <paramref name="agents"/> active students, positioned at the start year.</summary>
    public static YearStep Create(int agents, int threads, out int startYear)
    {
        var baseline = ScenarioLoader.Load(RepositoryPaths.Scenario("baseline.json"), new ScenarioLoadOptions { Environment = new Dictionary<string, string>() });
        var loaded = new ScenarioVariants(baseline).With(new ScenarioLoadOptions { Scale = ScaleFor(baseline.World, agents), EndYear = EndYear });
        var step = new YearStep(loaded.World, loaded.Settings, threads, new Dictionary<string, double>());
        startYear = loaded.Settings.Scenario.StartYear;
        for (int year = step.State.FirstYear; year < startYear; year++)
        {
            step.Run(year);
        }

        return step;
    }

    /// <summary>
    /// Persons per agent giving about <paramref name="agents"/> students: the members' tertiary enrolment (the
    /// steady-state student body at scale 1, within 10-20%) divided by the agents wanted.
    /// </summary>
    public static double ScaleFor(Mobility.Model.World.WorldData world, int agents)
        => world.Countries.Where(c => c.IsMember).Sum(c => c.TertiaryEnrolment) / agents;
}
