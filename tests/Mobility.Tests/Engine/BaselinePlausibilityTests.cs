namespace Mobility.Tests.Engine;

using System.Globalization;
using System.Text;
using Mobility.Experiments.Calibration;
using Mobility.Input.Configuration;
using Mobility.Input.Observations;
using Mobility.Model.Observations;
using Xunit.Abstractions;

/// <summary>
/// The baseline is plausible against published counts: its simulated stocks and flows are compared with the
/// observation set scenarios/observations/observations.csv, the figures the behavioural coefficients and the pair
/// constants are calibrated to (docs/calibration.md).
/// </summary>
public sealed class BaselinePlausibilityTests
{
    private const double Factor = 2.0;

    private readonly ITestOutputHelper output;

    public BaselinePlausibilityTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    // Sources disagree, so the calibration is robust and a low- or medium-confidence figure may stay far off when others
    // contradict it (docs/calibration.md). A figure whose source is rated high (a ministry's or an agency's own count)
    // is one the baseline must reproduce: each within a factor of 2 (a target of 100% of them, where the whole set is
    // held to 75%). The run uses the shipped defaults except a coarse scale of 10 (results are in persons, so the scale
    // changes the sampling noise, not the expected counts), each figure compared with the simulated value of its own
    // year as in `mobility fit`. All failing rows are reported together.
    [Fact]
    public void Every_high_confidence_published_figure_is_within_a_factor_of_2()
    {
        var (fit, path) = EvaluateObservationSet();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"observed ({path}, high confidence) vs simulated baseline (scale 10, each at its own year)");
        table.AppendLine(CultureInfo.InvariantCulture, $"{"id",-36} {"origin",-6} {"dest",-6} {"year",4} {"observed",10} {"simulated",10} {"factor",6}");
        var failures = new List<string>();
        int checkedFigures = 0;
        foreach (var row in fit.Rows.Where(r => r.Observation.Weight >= FigureTargets.WeightOf(SourceConfidence.High)))
        {
            var o = row.Observation;
            checkedFigures++;
            bool plausible = row.Factor <= Factor;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{o.Id,-36} {o.Origin,-6} {o.Destination,-6} {o.Year,4} {o.Value,10:N0} {row.Simulated,10:N0} {row.Factor,6:F2}{(plausible ? "" : "  <- outside x2")}");
            if (!plausible)
            {
                failures.Add($"{o.Id} ({o.Pair}, {o.Year}): observed {o.Value:N0}, simulated {row.Simulated:N0} (factor {row.Factor:F2})");
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(checkedFigures >= 5, $"only {checkedFigures} high-confidence targets were compared");
        Assert.True(failures.Count == 0, $"{failures.Count} high-confidence published figures are not within a factor of {Factor} of the baseline:\n" + string.Join("\n", failures));
    }

    // The baseline is calibrated to the observation set (docs/calibration.md, "The shipped calibration (issue 11)"):
    // at the test's coarse scale it must stay near the fit measured there (median error factor 1.26, 82% of the
    // targets within 2x at scale 10). The bounds leave room for sampling noise, not for a lost calibration.
    [Fact]
    public void The_baseline_reproduces_the_observation_set()
    {
        var (fit, _) = EvaluateObservationSet();
        output.WriteLine($"{fit.Rows.Count} targets, median factor {Math.Exp(fit.MedianAbsoluteLogRatio):F2}, within 2x {fit.WithinFactorTwo:P0}");
        Assert.InRange(Math.Exp(fit.MedianAbsoluteLogRatio), 1, 1.4);
        Assert.InRange(fit.WithinFactorTwo, 0.75, 1);
    }

    private static (Fit Fit, string Path) EvaluateObservationSet()
    {
        var scenario = EngineTestKit.Load("baseline", "scenario:scale=10");
        string path = Path.Combine(EngineTestKit.RepositoryRoot, "scenarios", "observations", "observations.csv");
        var figures = ObservationTableLoader.Load(path, scenario.World.Countries.Select(c => c.Code), 2000, 2040);
        var targets = FigureTargets.From(figures, scenario.Settings, scenario.World);
        var window = ObservationWindow.For(scenario.Settings.Scenario, targets);
        var loaded = new ScenarioVariants(scenario).With(new ScenarioLoadOptions { SpinUpYears = window.SpinUpYears, EndYear = window.EndYear });
        return (Calibrator.Evaluate(loaded.World, loaded.Settings, targets, replications: 1, EngineTestKit.Threads, window.ReportFrom), path);
    }
}
