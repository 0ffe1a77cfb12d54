namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;

/// <summary>
/// A run's state can be kept at the end of a year and continued: the continued run gives bit for bit the numbers of
/// the run from the first year, and a scenario whose levers start later continues exactly from another's state.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly string[] Sets = ["scenario:scale=20", "scenario:endYear=2030"];

    [Theory]
    [InlineData(1, 2021)] // a spin-up year
    [InlineData(2, 2021)]
    [InlineData(1, 2027)] // a reported year, with records before it
    [InlineData(2, 2027)]
    public void A_run_continued_from_its_snapshot_gives_the_numbers_of_the_run_from_the_start(int threads, int year)
    {
        var loaded = EngineTestKit.Load("ucahes-full", Sets);
        var options = new SimulationOptions { Threads = threads };
        var whole = new Simulation(loaded.World, loaded.Settings, options).Run();

        var snapshot = new Simulation(loaded.World, loaded.Settings, options).RunTo(year);
        var continued = new Simulation(loaded.World, loaded.Settings, options).Run(snapshot);

        Assert.Equal(year, snapshot.Year);
        EngineTestKit.AssertSameResults(whole, continued, $"{threads} threads, continued after {year}");
    }

    [Fact]
    public void The_snapshot_a_whole_run_captures_in_passing_is_the_snapshot_of_a_run_stopped_there()
    {
        var loaded = EngineTestKit.Load("baseline", Sets);
        SimulationSnapshot? captured = null;
        new Simulation(loaded.World, loaded.Settings, new SimulationOptions { Threads = 2, CaptureYear = 2026, Captured = s => captured = s }).Run();
        var stopped = new Simulation(loaded.World, loaded.Settings, new SimulationOptions { Threads = 1 }).RunTo(2026);

        Assert.NotNull(captured);
        Assert.Equal(stopped.Key, captured.Key);
        Assert.Equal(stopped.Columns.Keys.Order(), captured.Columns.Keys.Order());
        foreach (var (name, bytes) in stopped.Columns)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(captured.Columns[name]), $"column {name} differs");
        }
    }

    // ucahes-full is the baseline plus levers that start in 2027: up to 2026 both runs are the same run, so the
    // baseline's state at the end of 2026 continues as ucahes-full to exactly the numbers of ucahes-full from the start.
    [Fact]
    public void A_scenario_whose_levers_start_later_continues_exactly_from_the_reference_state()
    {
        var reference = EngineTestKit.Load("baseline", Sets);
        var candidate = EngineTestKit.Load("ucahes-full", Sets);
        var options = new SimulationOptions { Threads = 2 };
        var fromStart = new Simulation(candidate.World, candidate.Settings, options).Run();

        var shared = new Simulation(reference.World, reference.Settings, options).RunTo(2026);
        var forked = new Simulation(candidate.World, candidate.Settings, options).Run(shared);

        EngineTestKit.AssertSameResults(fromStart, forked, "ucahes-full forked from the baseline after 2026");
        Assert.Equal(new Simulation(reference.World, reference.Settings).KeyAt(2026), new Simulation(candidate.World, candidate.Settings).KeyAt(2026));
        Assert.NotEqual(new Simulation(reference.World, reference.Settings).KeyAt(2027), new Simulation(candidate.World, candidate.Settings).KeyAt(2027));
    }

    [Fact]
    public void A_snapshot_of_another_seed_or_of_a_year_the_levers_differ_is_refused_with_what_differs()
    {
        var reference = EngineTestKit.Load("baseline", Sets);
        var candidate = EngineTestKit.Load("ucahes-full", Sets);
        var seed11 = new Simulation(reference.World, reference.Settings, new SimulationOptions { Seed = 11 }).RunTo(2018);

        var otherSeed = Assert.Throws<SnapshotMismatchException>(() => new Simulation(reference.World, reference.Settings, new SimulationOptions { Seed = 12 }).Run(seed11));
        Assert.Contains("settings differ", otherSeed.Message, StringComparison.Ordinal);

        var late = new Simulation(reference.World, reference.Settings).RunTo(2027);
        var levers = Assert.Throws<SnapshotMismatchException>(() => new Simulation(candidate.World, candidate.Settings).Run(late));
        Assert.Contains("levers in force up to 2027 differ", levers.Message, StringComparison.Ordinal);
    }
}
