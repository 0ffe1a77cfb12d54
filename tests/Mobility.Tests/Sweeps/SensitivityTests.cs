namespace Mobility.Tests.Sweeps;

using Mobility.Experiments.Sensitivity;
using Mobility.Experiments.Sweeps;

/// <summary>
/// The estimators on functions with analytic Sobol indices, sampled with the sweeps' own planner (the same design,
/// plan and averaging path as a real sweep, with the model replaced by a formula of the parameter values).
/// </summary>
public class SensitivityTests
{
    private static SweepDesign Design(SamplingMethod method, int samples, params (string Name, double Min, double Max)[] parameters) => new()
    {
        Scenario = "(analytic)",
        Method = method,
        Samples = samples,
        Seed = 5,
        Parameters = parameters.Select(p => new SweepParameter(p.Name, "test:" + p.Name, p.Min, p.Max, null, false)).ToArray(),
        Metrics = ["value"],
    };

    private static SensitivityResult Analyse(SweepDesign design, Func<double[], double> f)
    {
        SweepPlan plan = SweepPlanner.Plan(design);
        var outputs = plan.Runs.ToDictionary(r => r.RunId, r => f(plan.Values[r.Point]));
        return SweepSensitivity.Analyse(plan, outputs);
    }

    private static void AssertInside(double expected, double low, double high, string what)
        => Assert.True(low <= expected && expected <= high, $"{what}: analytic {expected:0.0000} outside the bootstrap interval [{low:0.0000}, {high:0.0000}]");

    [Fact]
    public void Ishigami_indices_match_the_analytic_values_within_the_bootstrap_intervals()
    {
        const double a = 7;
        const double b = 0.1;
        var design = Design(SamplingMethod.Sobol, 4096, ("x1", -Math.PI, Math.PI), ("x2", -Math.PI, Math.PI), ("x3", -Math.PI, Math.PI));

        SensitivityResult result = Analyse(design, x => Math.Sin(x[0]) + a * Math.Pow(Math.Sin(x[1]), 2) + b * Math.Pow(x[2], 4) * Math.Sin(x[0]));

        // Analytic values (Ishigami and Homma 1990; e.g. Saltelli et al. 2008, Global Sensitivity Analysis: The Primer).
        double v = a * a / 8 + b * Math.Pow(Math.PI, 4) / 5 + b * b * Math.Pow(Math.PI, 8) / 18 + 0.5;
        double v1 = 0.5 * Math.Pow(1 + b * Math.Pow(Math.PI, 4) / 5, 2);
        double v2 = a * a / 8;
        double v13 = b * b * Math.Pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
        double[] first = [v1 / v, v2 / v, 0];
        double[] total = [(v1 + v13) / v, v2 / v, v13 / v];
        Assert.Equal([0.314, 0.442, 0], first.Select(s => Math.Round(s, 3)));
        Assert.Equal([0.558, 0.442, 0.244], total.Select(s => Math.Round(s, 3)));
        for (int i = 0; i < 3; i++)
        {
            SobolIndex s = result.Sobol[i];
            AssertInside(first[i], s.FirstLow, s.FirstHigh, $"S1 of {s.Parameter}");
            AssertInside(total[i], s.TotalLow, s.TotalHigh, $"ST of {s.Parameter}");
            Assert.True(s.FirstHigh - s.FirstLow < 0.1 && s.TotalHigh - s.TotalLow < 0.1, $"{s.Parameter}: intervals too wide to test anything");
        }
    }

    [Fact]
    public void Sobol_G_function_indices_match_the_analytic_values_within_the_bootstrap_intervals()
    {
        double[] a = [0, 0.5, 3, 9, 99, 99];
        var design = Design(SamplingMethod.Sobol, 4096, a.Select((_, i) => ($"x{i + 1}", 0.0, 1.0)).ToArray());

        SensitivityResult result = Analyse(design, x => x.Select((xi, i) => (Math.Abs(4 * xi - 2) + a[i]) / (1 + a[i])).Aggregate(1.0, (p, g) => p * g));

        // V_i = 1 / (3 (1 + a_i)^2); V = prod(1 + V_i) - 1; S_i = V_i / V; ST_i = V_i prod_{j != i}(1 + V_j) / V.
        double[] vi = a.Select(ai => 1 / (3 * (1 + ai) * (1 + ai))).ToArray();
        double v = vi.Aggregate(1.0, (p, x) => p * (1 + x)) - 1;
        for (int i = 0; i < a.Length; i++)
        {
            double first = vi[i] / v;
            double total = vi[i] * vi.Where((_, j) => j != i).Aggregate(1.0, (p, x) => p * (1 + x)) / v;
            SobolIndex s = result.Sobol[i];
            AssertInside(first, s.FirstLow, s.FirstHigh, $"S1 of {s.Parameter}");
            AssertInside(total, s.TotalLow, s.TotalHigh, $"ST of {s.Parameter}");
        }

        Assert.True(result.Sobol[0].First > 0.5, "x1 (a = 0) dominates");
        Assert.True(result.Sobol[5].Total < 0.01, "x6 (a = 99) hardly matters");
    }

    [Fact]
    public void Morris_mu_star_of_a_linear_function_is_its_coefficient_times_the_range_and_sigma_is_zero()
    {
        var design = Design(SamplingMethod.Morris, 20, ("x1", 0, 1), ("x2", 0, 10), ("x3", -1, 1));

        SensitivityResult result = Analyse(design, x => 3 * x[0] - 0.5 * x[1] + 0 * x[2]);

        // Effects are per whole range: 3 x 1, 0.5 x 10, 0.
        Assert.Equal(3, result.Morris[0].MuStar, 9);
        Assert.Equal(5, result.Morris[1].MuStar, 9);
        Assert.Equal(-5, result.Morris[1].Mu, 9);
        Assert.Equal(0, result.Morris[2].MuStar, 9);
        Assert.All(result.Morris, m => Assert.Equal(0, m.Sigma, 9));
    }

    [Fact]
    public void Morris_sigma_reveals_an_interaction()
    {
        var design = Design(SamplingMethod.Morris, 30, ("x1", 0, 1), ("x2", 0, 1), ("x3", 0, 1));

        SensitivityResult result = Analyse(design, x => x[0] + 4 * x[1] * x[2]);

        Assert.Equal(0, result.Morris[0].Sigma, 9);
        Assert.True(result.Morris[1].Sigma > 0.5 && result.Morris[2].Sigma > 0.5, "x2 and x3 interact");
    }

    [Fact]
    public void Replications_are_averaged_per_point()
    {
        var design = Design(SamplingMethod.Morris, 6, ("x1", 0, 1), ("x2", 0, 1)) with { Replications = 3 };
        SweepPlan plan = SweepPlanner.Plan(design);
        // Replicate noise of mean zero at every point: +1, 0, -1.
        var outputs = plan.Runs.ToDictionary(r => r.RunId, r => 2 * plan.Values[r.Point][0] + (1 - r.Replicate));

        SensitivityResult result = SweepSensitivity.Analyse(plan, outputs);

        Assert.Equal(2, result.Morris[0].MuStar, 9);
        Assert.Equal(0, result.Morris[1].MuStar, 9);
        // Within-point variance is 1 (of +1, 0, -1); the share is that over the variance of all 42 runs.
        double[] all = plan.Runs.Select(r => outputs[r.RunId]).ToArray();
        double mean = all.Average();
        double total = all.Sum(v => (v - mean) * (v - mean)) / (all.Length - 1);
        Assert.Equal(1 / total, result.ReplicateNoiseShare!.Value, 9);
        Assert.Null(Analyse(design with { Replications = 1 }, x => x[0]).ReplicateNoiseShare);
    }

    [Fact]
    public void A_grid_spans_each_range_ends_included_and_each_level_list()
    {
        var design = new SweepDesign
        {
            Scenario = "(analytic)",
            Method = SamplingMethod.Grid,
            Samples = 3,
            Parameters =
            [
                new SweepParameter("grants", "p:grants", 1000, 2000, null, Integer: true),
                new SweepParameter("level", "p:level", null, null, [0.2, 0.9], Integer: false),
            ],
            Metrics = ["value"],
            Replications = 2,
        };

        SweepPlan plan = SweepPlanner.Plan(design);

        Assert.Equal(6, plan.PointCount);
        Assert.Equal(12, plan.Runs.Count);
        Assert.Equal([1000, 1000, 1500, 1500, 2000, 2000], plan.Values.Select(v => v[0]));
        Assert.Equal([0.2, 0.9, 0.2, 0.9, 0.2, 0.9], plan.Values.Select(v => v[1]));
        Assert.Equal(["p:grants=1500", "p:level=0.9"], plan.SetsFor(3));
        Assert.Equal(new PlannedRun(7, 3, 1, 2), plan.Runs[7]);
        Assert.Throws<ArgumentException>(() => SweepSensitivity.Analyse(plan, plan.Runs.ToDictionary(r => r.RunId, _ => 1.0)));
    }
}
