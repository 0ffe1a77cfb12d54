namespace Mobility.Model.Uncertainty;

/// <summary>
/// An uncertain coefficient: its configuration <see cref="Path"/> (as for <c>--set</c>, e.g. <c>choice:bNetwork</c>),
/// the column <see cref="Name"/> it gets in the outputs, its prior, and why that prior.
/// </summary>
public sealed record CoefficientPrior(string Path, string Name, PriorDistribution Distribution, string Justification)
{
    /// <summary>The column name a path gets: ':' becomes '_' (e.g. <c>choice_bNetwork</c>), unique and SQL-friendly.</summary>
    public static string ColumnName(string path) => path.Replace(':', '_');

    /// <summary>The <c>path=value</c> override that sets the coefficient (round-trip precision).</summary>
    public string Set(double value) => Path + "=" + value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
