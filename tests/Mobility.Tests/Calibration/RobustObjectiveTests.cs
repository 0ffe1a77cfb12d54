namespace Mobility.Tests.Calibration;

using MathNet.Numerics.Optimization;
using Mobility.Experiments.Calibration;

/// <summary>The objective is robust: a range of figures costs nothing inside it, and one wild figure pulls a fit less than under squared loss.</summary>
public class RobustObjectiveTests
{
    [Fact]
    public void A_range_of_figures_costs_nothing_inside_and_counts_from_its_nearest_end()
    {
        Assert.Equal(0, FitMetrics.LogError(75000, 70524, 80701, 0));
        Assert.Equal(Math.Log(90000.0 / 80701), FitMetrics.LogError(90000, 70524, 80701, 0), 12);
        Assert.Equal(Math.Log(70524.0 / 60000), FitMetrics.LogError(60000, 70524, 80701, 0), 12);
    }

    [Fact]
    public void Huber_loss_is_quadratic_near_zero_and_linear_beyond_its_scale()
    {
        double c = FitMetrics.HuberScale;
        Assert.Equal(FitMetrics.Squared(c / 2), FitMetrics.Huber(c / 2, c), 12);
        Assert.Equal(FitMetrics.Huber(3, c) - FitMetrics.Huber(2, c), c, 12);
    }

    [Fact]
    public void One_wild_figure_moves_the_fit_less_than_under_squared_loss()
    {
        // Five figures a model with one free level m reproduces up to small errors, and one figure ten times the rest.
        double[] simulated = [1000, 2000, 4000, 8000, 16000, 500];
        double[] observed = [1050, 1900, 4100, 7800, 16500, 5000];
        double[] ones = [1, 1, 1, 1, 1, 1];
        double[] zero = new double[6];
        double Best(double scale)
        {
            double Objective(double m) => FitMetrics.Objective(simulated.Select(s => s * Math.Exp(m)).ToArray(), observed, observed, ones, zero, scale);
            return GoldenSectionMinimizer.Minimum(ObjectiveFunction.ScalarValue(Objective), -3, 3).MinimizingPoint;
        }

        double robust = Best(FitMetrics.HuberScale);
        double squared = Best(double.PositiveInfinity);
        double clean = GoldenSectionMinimizer.Minimum(ObjectiveFunction.ScalarValue(
            m => FitMetrics.Objective(simulated[..5].Select(s => s * Math.Exp(m)).ToArray(), observed[..5], observed[..5], ones[..5], zero[..5], FitMetrics.HuberScale)), -3, 3).MinimizingPoint;

        Assert.True(Math.Abs(robust - clean) < Math.Abs(squared - clean) / 2, $"clean {clean:F3}, Huber {robust:F3}, squared {squared:F3}");
    }
}
