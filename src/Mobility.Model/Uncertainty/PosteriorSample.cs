namespace Mobility.Model.Uncertainty;

/// <summary>
/// A weighted sample from a posterior, as <c>mobility posterior</c> writes it to <c>posterior.parquet</c>: for each
/// particle the coefficients (in the order of <see cref="Paths"/>) and a weight; the weights sum to 1.
/// </summary>
/// <param name="Source">Where the sample was read from (for messages).</param>
/// <param name="Paths">The configuration path of each coefficient (as for <c>--set</c>).</param>
/// <param name="Thetas">Particle i's coefficients at index i.</param>
/// <param name="Weights">Particle i's weight at index i, normalised to sum 1.</param>
public sealed record PosteriorSample(string Source, IReadOnlyList<string> Paths, IReadOnlyList<double[]> Thetas, IReadOnlyList<double> Weights)
{
    public int Count => Weights.Count;

    /// <summary>The <c>path=value</c> overrides that set particle <paramref name="particle"/>'s coefficients.</summary>
    public string[] Sets(int particle)
        => Paths.Select((p, k) => p + "=" + Thetas[particle][k].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
