namespace Mobility.Tests.Calibration;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Calibration;
using Mobility.Model.Observations;

/// <summary>The error measures and the objective against values worked out by hand.</summary>
public class FitMetricsTests
{
    private static readonly double[] Observed = [100, 1000, 50];
    private static readonly double[] Simulated = [200, 1000, 25];

    [Fact]
    public void Log_ratio_and_tolerance_band()
    {
        Assert.Equal(Math.Log(2), FitMetrics.LogRatio(200, 100), 12);
        Assert.Equal(-Math.Log(2), FitMetrics.LogRatio(25, 50), 12);
        // A simulated 0 counts as one person, so a missed target has a finite error.
        Assert.Equal(Math.Log(1.0 / 50), FitMetrics.LogRatio(0, 50), 12);
        // Off by a factor 2 with +-30% tolerance: ln 2 - ln 1.3 = 0.43078; inside the band: 0.
        Assert.Equal(0.430783, FitMetrics.LogError(200, 100, 0.3), 5);
        Assert.Equal(0, FitMetrics.LogError(120, 100, 0.3));
        Assert.Equal(0, FitMetrics.LogError(100 / 1.25, 100, 0.3));
    }

    [Fact]
    public void Objective_is_the_weighted_mean_Huber_loss_of_the_log_errors()
    {
        // Errors ln2, 0, ln2, beyond the Huber scale c = ln 1.5: c (ln2 - c/2) = 0.198846 each; weights 1, 1, 2:
        // (0.198846 + 0 + 2 * 0.198846) / 4 = 0.149135.
        double objective = FitMetrics.Objective(Simulated, Observed, [1, 1, 2], [0, 0, 0]);
        Assert.Equal(0.149135, objective, 5);
        // With weight 0 the third target is ignored (held out): 0.198846 / 2.
        Assert.Equal(0.099423, FitMetrics.Objective(Simulated, Observed, [1, 1, 0], [0, 0, 0]), 5);
    }

    [Fact]
    public void Summary_measures()
    {
        // |log ratios| ln2, 0, ln2: median ln2.
        Assert.Equal(Math.Log(2), FitMetrics.MedianAbsoluteLogRatio(Simulated, Observed), 12);
        // |s-o|/((s+o)/2): 100/150, 0, 25/37.5 -> mean (2/3 + 0 + 2/3) / 3 = 4/9.
        Assert.Equal(4.0 / 9, FitMetrics.MeanRelativeDifference(Simulated, Observed), 12);
        // 2 * (100 + 1000 + 25) / (1225 + 1150) = 2250 / 2375.
        Assert.Equal(2250.0 / 2375, FitMetrics.CommonPart(Simulated, Observed), 12);
    }

    [Fact]
    public void Observations_match_stocks_and_flows_with_wildcards()
    {
        var run = new RunResult
        {
            Metrics = [],
            Universities = [],
            Statistics = new RunStatistics(),
            Ledger = [],
            Stocks = [new(2025, "UZB", "KAZ", 100), new(2025, "TJK", "KAZ", 50), new(2025, "KAZ", "KAZ", 9999), new(2024, "UZB", "KAZ", 7), new(2025, "KAZ", "RUS", 300)],
            Flows = [new(2024, "KAZ", "USA", "degree", 40), new(2024, "KAZ", "USA", "national_scholarship", 10), new(2024, "KAZ", "GBR", "national_scholarship", 5)],
        };

        double Simulated(string origin, string destination, int year, ObservationKind kind, string flowKind = "degree")
            => ObservationMatch.Simulated(run, new Observation("x", origin, destination, year, kind, 1, "", "", FlowKind: flowKind));

        Assert.Equal(150, Simulated("*", "KAZ", 2025, ObservationKind.Stock));
        Assert.Equal(100, Simulated("UZB", "KAZ", 2025, ObservationKind.Stock));
        Assert.Equal(300, Simulated("KAZ", "*", 2025, ObservationKind.Stock));
        Assert.Equal(40, Simulated("KAZ", "USA", 2024, ObservationKind.Flow));
        Assert.Equal(15, Simulated("KAZ", "*", 2024, ObservationKind.Flow, "national_scholarship"));
        Assert.Equal(0, Simulated("KAZ", "USA", 2025, ObservationKind.Flow));
    }

    [Fact]
    public void Parameter_bounds_hold_under_the_transformation()
    {
        var p = CalibrationParameter.Parse("degreeMobility:a0=-6..-2", out string? error)!;
        Assert.Null(error);
        Assert.Equal(("degreeMobility:a0", -6.0, -2.0), (p.Path, p.Lower, p.Upper));
        Assert.Equal(-4, p.FromUnbounded(0), 12);
        Assert.Equal(-3.1, p.FromUnbounded(p.ToUnbounded(-3.1)), 9);
        Assert.InRange(p.FromUnbounded(-50), -6, -2);
        Assert.InRange(p.FromUnbounded(50), -6, -2);
        Assert.Null(CalibrationParameter.Parse("degreeMobility:a0=-2..-6", out error));
        Assert.Contains("lower bound must be below", error, StringComparison.Ordinal);
        Assert.Null(CalibrationParameter.Parse("degreeMobility:a0", out error));
        Assert.Contains("path=lower..upper", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Spin_up_years_are_reported_when_observations_are_older_than_the_start()
    {
        var info = new Mobility.Model.Parameters.ScenarioInfo { StartYear = 2025, SpinUpYears = 8, EndYear = 2040 };
        var window = ObservationWindow.For(info, [new Observation("a", "KAZ", "RUS", 2018, ObservationKind.Stock, 1, "", ""), new Observation("b", "KAZ", "RUS", 2024, ObservationKind.Stock, 1, "", "")]);
        Assert.Equal(new ObservationWindow(2018, 15, 2025), window);
    }
}
