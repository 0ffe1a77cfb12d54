namespace Mobility.Experiments.Posterior;

using MathNet.Numerics.Distributions;
using Mobility.Experiments.Calibration;
using Mobility.Model.Observations;

/// <summary>
/// The observation-error model that makes the calibration objective a likelihood (Wilkinson 2013, "Approximate
/// Bayesian computation (ABC) gives exact results under the assumption of model error"). A published figure (or the
/// centre of a range of them) is the simulated value times exp(e), the errors e independent across targets, each with
/// the density
/// <code>f(e) = exp(-w Huber(max(0, |e| - h), c) / sigma^2) / Z</code>
/// where w is the target's confidence weight, h half the log width of its range plus its tolerance band
/// ln(1 + tolerance), c the objective's Huber scale (<see cref="FitMetrics.HuberScale"/>, ln 1.5) and sigma the error
/// scale: flat inside the band, normal with sd sigma / sqrt(w) up to c beyond it, exponential further out. Z depends
/// on w, h, c and sigma only, not on the simulation, so the log-likelihood of a run is, up to a constant,
/// <c>-sum(w Huber(e)) / sigma^2 = -W D / sigma^2</c>, D being the objective (<see cref="FitMetrics.Objective(IReadOnlyList{double}, IReadOnlyList{Observation}, double)"/>, the
/// weighted mean) and W the total weight: the objective itself, read as a log density. <see cref="Draw"/> samples from
/// the same density, so simulation-based calibration can generate data as model output plus this error.
/// </summary>
public sealed class ObservationErrorModel
{
    /// <summary>
    /// The default error scale: with it a medium-confidence figure (weight 0.6) is off by a median factor of 2.09, the
    /// size of the shipped calibration's cross-validated median error (2.21, docs/calibration.md); a high-confidence
    /// one by 1.59, a low-confidence one by 4.2 (docs/uncertainty.md).
    /// </summary>
    public const double DefaultScale = 0.5;

    public ObservationErrorModel(IReadOnlyList<Observation> observations, double scale)
    {
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "the error scale must be a positive number");
        }

        Scale = scale;
        TotalWeight = observations.Where(Fitted).Sum(o => o.Weight);
        if (!(TotalWeight > 0))
        {
            throw new ArgumentException("the error model needs at least one comparable observation of positive weight", nameof(observations));
        }
    }

    /// <summary>The error scale sigma (log units): the sd of a full-weight figure's error just beyond its band.</summary>
    public double Scale { get; }

    /// <summary>Sum of the weights of the fitted targets (W).</summary>
    public double TotalWeight { get; }

    /// <summary>Log-likelihood per unit of the objective: ln k(y | x) = -Precision x D + constant, Precision = W / sigma^2.</summary>
    public double Precision => TotalWeight / (Scale * Scale);

    /// <summary>Whether a target enters the objective (and so the likelihood).</summary>
    public static bool Fitted(Observation o) => o.Comparable && o.Weight > 0;

    /// <summary>
    /// A published figure drawn from the error model around a simulated value: the log centre of the target's range is
    /// ln max(simulated, floor) + e, e from the density above (two uniforms: the side, then the inverse CDF of |e|
    /// across the flat band, the normal shoulder and the exponential tail); the range keeps its log width. Targets
    /// that are not fitted come back unchanged.
    /// </summary>
    public Observation Draw(Observation o, double simulated, double uSide, double uPosition)
    {
        if (!Fitted(o))
        {
            return o;
        }

        double halfRange = double.IsNaN(o.High) ? 0 : Math.Log(o.High / o.Value) / 2;
        double e = Error(o.Weight, halfRange + Math.Log(1 + o.Tolerance), uSide, uPosition);
        double centre = Math.Log(Math.Max(simulated, FitMetrics.Floor)) + e;
        return double.IsNaN(o.High)
            ? o with { Value = Math.Exp(centre) }
            : o with { Value = Math.Exp(centre - halfRange), High = Math.Exp(centre + halfRange) };
    }

    /// <summary>An error e of a target of weight <paramref name="weight"/> and flat half-width <paramref name="band"/>, by inverse CDF.</summary>
    public double Error(double weight, double band, double uSide, double uPosition)
    {
        double c = FitMetrics.HuberScale;
        double s = Scale / Math.Sqrt(weight);
        double rate = c / (s * s);
        double core = s * Math.Sqrt(2 * Math.PI) * (Normal.CDF(0, 1, c / s) - 0.5);
        double tail = Math.Exp(-c * c / (2 * s * s)) / rate;
        double v = uPosition * (band + core + tail);
        double magnitude = v < band
            ? v
            : v < band + core
                ? band + (s * Normal.InvCDF(0, 1, 0.5 + ((v - band) / (s * Math.Sqrt(2 * Math.PI)))))
                : band + c + Exponential.InvCDF(rate, Math.Min((v - band - core) / tail, 1 - 1e-16));
        return uSide < 0.5 ? -magnitude : magnitude;
    }
}
