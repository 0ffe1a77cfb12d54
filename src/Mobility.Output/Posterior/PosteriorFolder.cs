namespace Mobility.Output.Posterior;

using System.Globalization;
using Mobility.Input;
using Mobility.Output.Sweeps;

/// <summary>
/// The files of a posterior run: <c>settings.json</c> (what the simulations were run with, checked on resume),
/// <c>generations/gen-GG/round-RR/</c> (each round's simulations, a sweep folder of shards and chunks), and the
/// outputs <c>posterior.parquet</c>, <c>generations.parquet</c>, <c>diagnostics.csv</c> and <c>posterior.html</c>.
/// </summary>
public sealed class PosteriorFolder
{
    public PosteriorFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string Display => PathDisplay.Of(Path);

    public string Settings => System.IO.Path.Combine(Path, "settings.json");

    public string Generations => System.IO.Path.Combine(Path, "generations");

    public string PosteriorParquet => System.IO.Path.Combine(Path, "posterior.parquet");

    public string GenerationsParquet => System.IO.Path.Combine(Path, "generations.parquet");

    public string Diagnostics => System.IO.Path.Combine(Path, "diagnostics.csv");

    public string Html => System.IO.Path.Combine(Path, "posterior.html");

    /// <summary>The sweep folder holding round <paramref name="round"/> of generation <paramref name="generation"/>.</summary>
    public SweepFolder Round(int generation, int round)
        => new(System.IO.Path.Combine(Generations, string.Create(CultureInfo.InvariantCulture, $"gen-{generation:D2}"), string.Create(CultureInfo.InvariantCulture, $"round-{round:D2}")));
}
