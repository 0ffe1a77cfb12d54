namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;

/// <summary>The kernel steps the phases of docs/ODD.md section 3, in that order, under the manifest's timer names.</summary>
public sealed class YearStepTests
{
    /// <summary>The manifest's <c>phase_seconds</c> keys and the benchmarks' phase names, in the order of a year.</summary>
    private static readonly string[] Documented =
    [
        "policies", "derived", "entry", "degree_mobility", "credit_mobility", "admission", "study", "graduation",
        "scholars", "rankings", "image", "measure",
    ];

    [Fact]
    public void A_year_runs_the_documented_phases_in_order_and_times_each_of_them()
    {
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=200", "scenario:endYear=2025");
        var seconds = new Dictionary<string, double>();
        var step = new YearStep(loaded.World, loaded.Settings, EngineTestKit.Threads, seconds);

        Assert.Equal(Documented, step.Phases.Select(p => p.Name));
        Assert.Equal(Documented.Select((name, i) => i), Documented.Select(step.IndexOf));
        Assert.Equal(-1, step.IndexOf("no such phase"));

        step.Run(step.State.FirstYear);
        Assert.Equal(Documented.Order(StringComparer.Ordinal), seconds.Keys.Order(StringComparer.Ordinal));
        Assert.All(seconds.Values, s => Assert.True(s >= 0));
        Assert.True(step.State.Students.Count > 0, "the first year enrolled no one");
    }
}
