namespace Mobility.Experiments.Calibration;

using System.Globalization;

/// <summary>
/// A coefficient to fit: its configuration path (e.g. <c>degreeMobility:a0</c> or <c>entry:rateByCountry:TKM</c>)
/// and its bounds. The optimiser works on an unbounded variable u with x = lower + (upper - lower) * logistic(u),
/// so every candidate stays strictly inside the bounds.
/// </summary>
public sealed record CalibrationParameter(string Path, double Lower, double Upper)
{
    /// <summary>Reads <c>path=lower..upper</c>; returns null and an explanation when the text does not have that form.</summary>
    public static CalibrationParameter? Parse(string text, out string? error)
    {
        error = null;
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        int dots = equals < 0 ? -1 : text.IndexOf("..", equals, StringComparison.Ordinal);
        if (equals <= 0 || dots < 0)
        {
            error = $"parameter '{text}' must have the form path=lower..upper, e.g. degreeMobility:a0=-6..-2";
            return null;
        }

        string path = text[..equals].Trim();
        string lowText = text[(equals + 1)..dots].Trim();
        string highText = text[(dots + 2)..].Trim();
        if (!double.TryParse(lowText, NumberStyles.Float, CultureInfo.InvariantCulture, out double low)
            || !double.TryParse(highText, NumberStyles.Float, CultureInfo.InvariantCulture, out double high)
            || !double.IsFinite(low) || !double.IsFinite(high))
        {
            error = $"parameter '{text}': bounds '{lowText}' and '{highText}' must be numbers, e.g. {path}=-6..-2";
            return null;
        }

        if (!(low < high))
        {
            error = $"parameter '{text}': the lower bound must be below the upper bound";
            return null;
        }

        return new CalibrationParameter(path, low, high);
    }

    public double FromUnbounded(double u) => Lower + ((Upper - Lower) / (1 + Math.Exp(-u)));

    public double ToUnbounded(double x)
    {
        double p = Math.Clamp((x - Lower) / (Upper - Lower), 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    /// <summary>The <c>--set</c> pair giving the parameter a value.</summary>
    public string Set(double value) => Path + "=" + value.ToString("R", CultureInfo.InvariantCulture);
}
