namespace Mobility.Reports.Posterior;

using System.Globalization;
using Mobility.Experiments.Posterior;
using Mobility.Model.Uncertainty;
using Mobility.Reports.Charts;
using Mobility.Reports.Html;
using ScottPlot;
using Population = Mobility.Experiments.Posterior.Population;

/// <summary>
/// <c>posterior.html</c>: a self-contained page with each coefficient's prior and posterior (median, 90% interval,
/// how much the data narrowed it), the generations (tolerance, simulations, acceptance rate, effective sample size),
/// the marginal posteriors against the prior densities and the pair plots of the posterior over the prior sample.
/// </summary>
public static class PosteriorReport
{
    private const int Bins = 30;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="context">Lines saying what was fitted (scenario, observations, scale, options, the command).</param>
    public static string Html(PosteriorResult result, string title, IEnumerable<string> context)
    {
        Population posterior = result.Posterior;
        Population priorSample = result.Generations[0];
        var coefficients = result.Prior.Coefficients;
        var report = new HtmlReport(title).List(context);
        report.Paragraph(string.Create(Invariant,
            $"{posterior.Count} weighted draws pooled from generations 0 to {posterior.Generation} (temperature {result.Diagnostics[^1].Temperature:G4}{(result.Diagnostics[^1].Temperature > 1 ? ": a tempered posterior, wider than the posterior" : ": the posterior")}), "
            + $"effective sample size {posterior.EffectiveSampleSize:F0}; {result.Simulations:N0} simulations in all; stopped because {Reason(result.Stop)}."));

        report.Heading("Coefficients").Table(
            ["coefficient", "prior", "prior median [90%]", "posterior median [90%]", "posterior mean", "posterior sd", "90% width / prior's"],
            coefficients.Select((c, k) =>
            {
                PriorDistribution d = c.Distribution;
                double priorWidth = d.Quantile(0.95) - d.Quantile(0.05);
                double width = posterior.Quantile(k, 0.95) - posterior.Quantile(k, 0.05);
                return (IReadOnlyList<string>)
                [
                    c.Path, d.ToString(), Interval(d.Quantile(0.5), d.Quantile(0.05), d.Quantile(0.95)),
                    Interval(posterior.Quantile(k, 0.5), posterior.Quantile(k, 0.05), posterior.Quantile(k, 0.95)),
                    Number(posterior.Mean()[k]), Number(Math.Sqrt(posterior.Covariance()[k, k])),
                    (width / priorWidth).ToString("F2", Invariant),
                ];
            }));
        report.Paragraph("A width ratio near 1 means the observations say little about the coefficient beyond its prior; well below 1, that they pin it down.");
        report.Heading("Why these priors", 3).Table(["coefficient", "justification"], coefficients.Select(c => (IReadOnlyList<string>)[c.Path, c.Justification]));

        report.Heading("Generations").Table(
            ["generation", "temperature", "simulations", "effective sample size", "pooled effective sample size", "weighted median distance", "elapsed"],
            result.Diagnostics.Select(r => (IReadOnlyList<string>)
            [
                r.Generation.ToString(Invariant), r.Temperature.ToString("G4", Invariant), r.Simulations.ToString("N0", Invariant),
                r.EffectiveSampleSize.ToString("F0", Invariant), r.PooledEffectiveSampleSize.ToString("F0", Invariant), r.MedianDistance.ToString("G4", Invariant),
                r.Elapsed.ToString(@"hh\:mm\:ss", Invariant),
            ]));
        report.Paragraph("Every simulation is kept with its importance weight (no rejection), so the acceptance rate of a rejection sampler has no counterpart here; "
            + "the effective sample size says how many equally weighted draws a generation is worth, the pooled one what all generations so far are worth together at that temperature "
            + "(each is an importance sample of the same target; the posterior is that pool), and the temperature how far the likelihood has been let in (1: fully).");
        report.Chart(GenerationsChart(result.Diagnostics, result.Generations[^1].Count));

        report.Heading("Marginal posteriors");
        for (int k = 0; k < coefficients.Count; k++)
        {
            report.Chart(Marginal(posterior, coefficients[k], k));
        }

        report.Heading("Pairs");
        report.Paragraph("Each pair of coefficients: the prior sample (generation 0, grey) and the posterior draws (blue, larger for larger weights). Correlated posteriors show which coefficients the data trade off against each other.");
        report.BeginDetails($"{coefficients.Count * (coefficients.Count - 1) / 2} pair plots");
        for (int a = 0; a < coefficients.Count; a++)
        {
            for (int b = a + 1; b < coefficients.Count; b++)
            {
                report.Chart(Pair(priorSample, posterior, coefficients, a, b));
            }
        }

        report.EndDetails();
        return report.ToString();
    }

    private static ChartImage GenerationsChart(IReadOnlyList<GenerationRecord> records, int particles)
    {
        var plot = new Plot();
        double[] x = records.Select(r => (double)r.Generation).ToArray();
        var inverse = plot.Add.Scatter(x, records.Select(r => 1 / r.Temperature).ToArray());
        inverse.LegendText = "1 / temperature (1: the posterior)";
        var ess = plot.Add.Scatter(x, records.Select(r => r.EffectiveSampleSize / particles).ToArray());
        ess.LegendText = "effective sample size / particles";
        plot.Axes.SetLimitsY(0, 1.05);
        plot.XLabel("generation");
        plot.Title("Inverse temperature and effective sample size by generation");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperRight);
        return ChartImage.Render("generations.png", "Per generation: the inverse temperature (the power of the likelihood in the weights) and the effective sample size of the weights relative to the particles.", plot, 800, 420);
    }

    private static ChartImage Marginal(Population posterior, CoefficientPrior coefficient, int k)
    {
        PriorDistribution prior = coefficient.Distribution;
        double low = Math.Min(prior.Quantile(0.005), posterior.Quantile(k, 0));
        double high = Math.Max(prior.Quantile(0.995), posterior.Quantile(k, 1));
        double width = (high - low) / Bins;
        if (!(width > 0))
        {
            width = 1;
        }

        // Weighted histogram scaled as a density, so it is comparable with the prior's density curve.
        var density = new double[Bins];
        for (int i = 0; i < posterior.Count; i++)
        {
            int bin = Math.Clamp((int)((posterior.Thetas[i][k] - low) / width), 0, Bins - 1);
            density[bin] += posterior.Weights[i] / width;
        }

        var plot = new Plot();
        var bars = plot.Add.Bars(Enumerable.Range(0, Bins).Select(b => low + ((b + 0.5) * width)).ToArray(), density);
        foreach (var bar in bars.Bars)
        {
            bar.Size = width * 0.95;
            bar.FillColor = Colors.SteelBlue.WithAlpha(0.7);
            bar.LineWidth = 0;
        }

        bars.LegendText = "posterior";
        double[] xs = Enumerable.Range(0, 201).Select(i => low + ((high - low) * i / 200)).ToArray();
        var curve = plot.Add.ScatterLine(xs, xs.Select(prior.Density).ToArray(), Colors.DarkOrange);
        curve.LineWidth = 2;
        curve.LegendText = "prior";
        plot.Axes.Margins(bottom: 0);
        plot.XLabel(coefficient.Path);
        plot.YLabel("density");
        plot.Title(coefficient.Path);
        plot.ShowLegend(Alignment.UpperRight);
        return ChartImage.Render($"marginal-{coefficient.Name}.png", $"{coefficient.Path}: weighted posterior histogram against the prior density {prior}.", plot, 640, 340);
    }

    private static ChartImage Pair(Population priorSample, Population posterior, IReadOnlyList<CoefficientPrior> coefficients, int a, int b)
    {
        var plot = new Plot();
        var prior = plot.Add.ScatterPoints(priorSample.Thetas.Select(t => t[a]).ToArray(), priorSample.Thetas.Select(t => t[b]).ToArray(), Colors.Gray.WithAlpha(0.35));
        prior.MarkerSize = 3;
        prior.LegendText = "prior sample";
        double top = posterior.Weights.Max();
        for (int i = 0; i < posterior.Count; i++)
        {
            var point = plot.Add.Marker(posterior.Thetas[i][a], posterior.Thetas[i][b], MarkerShape.FilledCircle, (float)(2 + (6 * Math.Sqrt(posterior.Weights[i] / top))), Colors.SteelBlue.WithAlpha(0.6));
            if (i == 0)
            {
                point.LegendText = "posterior";
            }
        }

        plot.XLabel(coefficients[a].Path);
        plot.YLabel(coefficients[b].Path);
        plot.ShowLegend(Alignment.UpperRight);
        return ChartImage.Render($"pair-{coefficients[a].Name}-{coefficients[b].Name}.png", $"{coefficients[a].Path} against {coefficients[b].Path}.", plot, 520, 420);
    }

    private static string Reason(StopReason stop) => stop switch
    {
        StopReason.Converged => "it reached temperature 1",
        StopReason.Generations => "it reached the generation limit",
        _ => "the next generation would have exceeded the simulation budget",
    };

    private static string Interval(double median, double low, double high) => $"{Number(median)} [{Number(low)}, {Number(high)}]";

    private static string Number(double value) => value.ToString("G4", Invariant);
}
