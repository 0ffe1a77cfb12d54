namespace Mobility.Tests.Posterior;

using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Mobility.Experiments.Calibration;
using Mobility.Experiments.Posterior;
using Mobility.Model.Observations;

/// <summary>
/// The observation-error model is the calibration objective read as a density: its log-likelihood is -precision x the
/// objective, and the errors it draws (for simulation-based calibration) follow the same density.
/// </summary>
public sealed class ObservationErrorModelTests
{
    internal static Observation Figure(string id, double value, double weight, double tolerance = 0, double high = double.NaN)
        => new(id, "UZB", "KAZ", 2024, ObservationKind.Stock, value, "test", "", weight, tolerance) { High = high };

    [Fact]
    public void Its_log_likelihood_is_minus_the_weighted_huber_losses_over_sigma_squared()
    {
        Observation[] data = [Figure("a", 1000, 1), Figure("b", 200, 0.6, 0.2), Figure("c", 50, 0.3, 0, 80)];
        double[] simulated = [1500, 90, 400];
        var model = new ObservationErrorModel(data, 0.5);

        double direct = -data.Select((o, i) => o.Weight * FitMetrics.Huber(FitMetrics.LogError(simulated[i], o.Value, o.Upper, o.Tolerance), FitMetrics.HuberScale)).Sum() / 0.25;

        Assert.Equal(1.9, model.TotalWeight, 12);
        Assert.Equal(direct, -model.Precision * FitMetrics.Objective(simulated, data, FitMetrics.HuberScale), 10);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.6, 0.25)]
    [InlineData(0.3, 0.0)]
    public void Its_errors_follow_its_density(double weight, double band)
    {
        const double sigma = 0.5;
        var model = new ObservationErrorModel([Figure("a", 1, weight)], sigma);
        double Density(double e) => Math.Exp(-weight * FitMetrics.Huber(Math.Max(0, Math.Abs(e) - band), FitMetrics.HuberScale) / (sigma * sigma));
        double total = Integrate.OnClosedInterval(Density, -60, 60, 1e-10);
        double[] edges = [double.NegativeInfinity, -2, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 2, double.PositiveInfinity];
        double Mass(double a, double b) => Integrate.OnClosedInterval(Density, Math.Max(a, -60), Math.Min(b, 60), 1e-10) / total;

        const int draws = 40_000;
        var counts = new int[edges.Length - 1];
        var stream = new ParticleStream(17, 0, 0, 0, StreamPurpose.Calibration);
        for (int i = 0; i < draws; i++)
        {
            double e = model.Error(weight, band, stream.NextDouble(), stream.NextDouble());
            counts[Array.FindIndex(edges, 1, x => e < x) - 1]++;
        }

        double chiSquare = 0;
        for (int b = 0; b < counts.Length; b++)
        {
            double expected = draws * Mass(edges[b], edges[b + 1]);
            chiSquare += (counts[b] - expected) * (counts[b] - expected) / expected;
        }

        double p = 1 - ChiSquared.CDF(counts.Length - 1, chiSquare);
        Assert.True(p > 0.001, $"chi-square {chiSquare:F1}, p = {p:G3}: counts {string.Join(" ", counts)}");
    }

    [Fact]
    public void A_drawn_range_keeps_its_log_width_around_the_simulated_value_times_the_error()
    {
        var model = new ObservationErrorModel([Figure("a", 100, 1, 0, 400)], 0.5);

        Observation drawn = model.Draw(Figure("a", 100, 1, 0, 400), 1000, 0.9, 0.0);

        Assert.Equal(4, drawn.High / drawn.Value, 10);
        Assert.Equal(1000, Math.Sqrt(drawn.Value * drawn.High), 6); // position 0: the error is 0, the range centred on the simulation
        Assert.Equal(0, FitMetrics.LogError(1000, drawn.Value, drawn.Upper, 0));
    }
}
