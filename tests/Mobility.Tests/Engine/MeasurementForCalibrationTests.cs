namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Model.Metrics;

/// <summary>What calibration needs from the engine: spin-up years reported on request, and scholarship-funded departures.</summary>
public class MeasurementForCalibrationTests
{
    [Fact]
    public void Reporting_spin_up_years_adds_them_without_changing_the_reported_years()
    {
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=50", "scenario:endYear=2026");
        var plain = new Simulation(loaded.World, loaded.Settings, new SimulationOptions { Threads = EngineTestKit.Threads }).Run();
        var early = new Simulation(loaded.World, loaded.Settings, new SimulationOptions { Threads = EngineTestKit.Threads, ReportFrom = 2022 }).Run();

        Assert.Equal([2025, 2026], plain.Stocks.Select(s => s.Year).Distinct().Order());
        Assert.Equal([2022, 2023, 2024, 2025, 2026], early.Stocks.Select(s => s.Year).Distinct().Order());
        EngineTestKit.AssertIdentical(plain.Stocks, early.Stocks.Where(s => s.Year >= 2025).ToList(), "stocks of the reported years");
        EngineTestKit.AssertIdentical(plain.Flows, early.Flows.Where(f => f.Year >= 2025).ToList(), "flows of the reported years");
    }

    [Fact]
    public void National_scholarship_departures_are_the_funded_part_of_the_degree_departures()
    {
        var run = EngineTestKit.Cached("baseline", EngineTestKit.Coarse);
        var degree = run.Flows.Where(f => f.Kind == FlowKinds.Degree).ToDictionary(f => (f.Year, f.Origin, f.Destination), f => f.Persons);
        var funded = run.Flows.Where(f => f.Kind == FlowKinds.NationalScholarship).ToList();

        Assert.NotEmpty(funded);
        Assert.All(funded, f => Assert.True(f.Persons <= degree.GetValueOrDefault((f.Year, f.Origin, f.Destination)), $"{f} exceeds the degree flow"));
        // Bolashak funds 946 departures a year from Kazakhstan; at one agent per 20 persons the count is 946 rounded to agents.
        double bolashak2025 = funded.Where(f => f.Year == 2025 && f.Origin == "KAZ").Sum(f => f.Persons);
        Assert.InRange(bolashak2025, 946 * 0.9, 946 * 1.1);
    }
}
