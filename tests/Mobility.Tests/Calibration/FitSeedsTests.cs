namespace Mobility.Tests.Calibration;

using Mobility.Engine.Kernel;
using Mobility.Experiments.Calibration;
using Mobility.Experiments.Runs;
using Mobility.Model.Observations;
using Mobility.Tests.Engine;

/// <summary>fit and calibrate replicate with the seeds compare uses: derived from the scenario's seed by <see cref="ReplicationSeeds"/>.</summary>
public class FitSeedsTests
{
    [Fact]
    public void A_fit_is_the_mean_of_runs_with_the_replication_seeds_of_a_comparison()
    {
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=100", "scenario:endYear=2026", "scenario:spinUpYears=2");
        Observation target = new("uz_ru", "UZB", "RUS", 2026, ObservationKind.Stock, 1000, "test", "");

        Fit fit = Calibrator.Evaluate(loaded.World, loaded.Settings, [target], replications: 2, EngineTestKit.Threads, reportFrom: null);

        double[] expected = ReplicationSeeds.ForReplications(loaded.Settings.Scenario.Seed, 2)
            .Select(seed => new Simulation(loaded.World, loaded.Settings, new SimulationOptions { Threads = EngineTestKit.Threads, Seed = seed }).Run())
            .Select(run => ObservationMatch.Simulated(run, target))
            .ToArray();
        Assert.Equal(expected, fit.Rows[0].Replications);
        Assert.NotEqual(expected[0], expected[1]);
    }
}
