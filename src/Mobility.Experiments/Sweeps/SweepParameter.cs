namespace Mobility.Experiments.Sweeps;

using System.Globalization;

/// <summary>
/// One varied setting: its column <see cref="Name"/>, its configuration <see cref="Path"/> (as for <c>--set</c>) and
/// either a range [<see cref="Min"/>, <see cref="Max"/>] or a list of <see cref="Levels"/>. An
/// <see cref="Integer"/> parameter is rounded to whole numbers (counts such as grants per year).
/// </summary>
public sealed record SweepParameter(string Name, string Path, double? Min, double? Max, IReadOnlyList<double>? Levels, bool Integer)
{
    public bool IsRange => Levels is null;

    /// <summary>The value at unit coordinate <paramref name="u"/> in [0, 1]: linear over a range, the floor(u L)-th of L levels.</summary>
    public double FromUnit(double u)
    {
        if (Levels is { } levels)
        {
            return levels[Math.Clamp((int)Math.Floor(u * levels.Count), 0, levels.Count - 1)];
        }

        double value = Min!.Value + u * (Max!.Value - Min.Value);
        return Integer ? Math.Round(value, MidpointRounding.AwayFromZero) : value;
    }

    /// <summary>Levels of this parameter in a grid whose ranges get <paramref name="samples"/> evenly spaced values, ends included.</summary>
    public int GridLevels(int samples) => Levels?.Count ?? samples;

    /// <summary>The <paramref name="level"/>-th grid value.</summary>
    public double GridValue(int level, int samples)
    {
        if (Levels is { } levels)
        {
            return levels[level];
        }

        return FromUnit(samples == 1 ? 0.5 : level / (double)(samples - 1));
    }

    /// <summary>The value as a configuration string (invariant culture, round-trip precision; integers without a decimal point).</summary>
    public string Format(double value)
        => Integer ? ((long)Math.Round(value, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The <c>path=value</c> override for <paramref name="value"/>.</summary>
    public string Set(double value) => Path + "=" + Format(value);
}
