namespace Mobility.Tests.Engine;

using System.Globalization;
using System.Text;
using Mobility.Experiments.Calibration;
using Mobility.Input.Configuration;
using Mobility.Input.Observations;
using Xunit.Abstractions;

/// <summary>
/// The issue's requirement that the baseline be plausible: its simulated stocks and flows are compared with the
/// published counts in scenarios/observations/observed-mobility.csv (the data the behavioural coefficients are
/// calibrated to; see docs/calibration.md).
/// </summary>
public sealed class BaselinePlausibilityTests
{
    private const double Factor = 2.5;

    private readonly ITestOutputHelper output;

    public BaselinePlausibilityTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    // Published figures disagree with each other by 20-30% and the model is calibrated on a log scale; the calibration
    // target is every observation within a factor of 2.5. The run uses the shipped defaults except a coarse scale of
    // 10 (results are in persons, so the scale changes the sampling noise, not the expected counts) and the window
    // calibration uses: each observation is compared with the simulated value of its own year, years before the
    // start year being reported from a spin-up lengthened as in `mobility fit`. All failing rows are reported together.
    [Fact]
    public void Simulated_stocks_and_flows_are_within_a_factor_of_2_5_of_the_published_ones()
    {
        string path = Path.Combine(EngineTestKit.RepositoryRoot, "scenarios", "observations", "observed-mobility.csv");
        var observations = ObservationsLoader.Load(path);
        var scenario = EngineTestKit.Load("baseline", "scenario:scale=10");
        var window = ObservationWindow.For(scenario.Settings.Scenario, observations);
        var loaded = new ScenarioVariants(scenario).With(new ScenarioLoadOptions { SpinUpYears = window.SpinUpYears, EndYear = window.EndYear });
        var fit = Calibrator.Evaluate(loaded.World, loaded.Settings, observations, replications: 1, EngineTestKit.Threads, window.ReportFrom);

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"observed ({path}) vs simulated baseline (scale 10, each at its own year)");
        table.AppendLine(CultureInfo.InvariantCulture, $"{"id",-18} {"origin",-6} {"dest",-6} {"kind",-6} {"year",4} {"observed",10} {"simulated",10} {"ratio",6}");
        var failures = new List<string>();
        foreach (var row in fit.Rows)
        {
            var o = row.Observation;
            double ratio = row.Simulated / o.Value;
            bool plausible = row.Factor <= Factor;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{o.Id,-18} {o.Origin,-6} {o.Destination,-6} {o.Kind,-6} {o.Year,4} {o.Value,10:N0} {row.Simulated,10:N0} {ratio,6:F2}{(plausible ? "" : "  <- outside x2.5")}");
            if (!plausible)
            {
                failures.Add($"{o.Id} ({o.Pair}, {o.Year}): observed {o.Value:N0}, simulated {row.Simulated:N0} (ratio {ratio:F2})");
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, $"{failures.Count} published figures are not within a factor of {Factor} of the baseline:\n" + string.Join("\n", failures));
    }

    // The baseline is calibrated to the observation set (docs/calibration.md, "The shipped calibration (issue 11)"):
    // at the test's coarse scale it must stay near the fit measured there (median error factor 1.26, 82% of the
    // targets within 2x at scale 10). The bounds leave room for sampling noise, not for a lost calibration.
    [Fact]
    public void The_baseline_reproduces_the_observation_set()
    {
        var scenario = EngineTestKit.Load("baseline", "scenario:scale=10");
        var figures = ObservationTableLoader.Load(
            Path.Combine(EngineTestKit.RepositoryRoot, "scenarios", "observations", "observations.csv"), scenario.World.Countries.Select(c => c.Code), 2000, 2040);
        var targets = FigureTargets.From(figures, scenario.Settings, scenario.World);
        var window = ObservationWindow.For(scenario.Settings.Scenario, targets);
        var loaded = new ScenarioVariants(scenario).With(new ScenarioLoadOptions { SpinUpYears = window.SpinUpYears, EndYear = window.EndYear });
        var fit = Calibrator.Evaluate(loaded.World, loaded.Settings, targets, replications: 1, EngineTestKit.Threads, window.ReportFrom);

        output.WriteLine($"{fit.Rows.Count} targets, median factor {Math.Exp(fit.MedianAbsoluteLogRatio):F2}, within 2x {fit.WithinFactorTwo:P0}");
        Assert.InRange(Math.Exp(fit.MedianAbsoluteLogRatio), 1, 1.4);
        Assert.InRange(fit.WithinFactorTwo, 0.75, 1);
    }
}
