namespace Mobility.Experiments.Comparison;

/// <summary>A metric's yearly mean over replications with its 95% t interval, for time-series charts.</summary>
public sealed record YearlyBand(string Scenario, string Country, string Metric, int[] Years, double[] Mean, double[] Low, double[] High)
{
    public static YearlyBand Of(ComparisonRuns runs, int scenario, string country, string metric)
    {
        int n = runs.Years.Count;
        var mean = new double[n];
        var low = new double[n];
        var high = new double[n];
        for (int i = 0; i < n; i++)
        {
            double[] values = runs.InYear(scenario, country, metric, runs.Years[i]);
            Estimate e = values.Any(double.IsNaN) ? new Estimate(double.NaN, double.NaN, double.NaN, double.NaN) : ReplicationStatistics.Describe(values);
            (mean[i], low[i], high[i]) = (e.Mean, e.Low, e.High);
        }

        return new YearlyBand(runs.Scenarios[scenario].Name, country, metric, runs.Years.ToArray(), mean, low, high);
    }
}
