namespace Mobility.Output.Sweeps;

using System.Globalization;
using Mobility.Input;

/// <summary>
/// The files of a sweep folder: <c>design.json</c> (the resolved design), <c>design.parquet</c> (the planned runs),
/// <c>shards/</c> (per-shard results, chunks while running), <c>results.parquet</c> (after merge) and
/// <c>sensitivity.csv</c>/<c>.png</c>.
/// </summary>
public sealed class SweepFolder
{
    public SweepFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string Display => PathDisplay.Of(Path);

    public string DesignJson => System.IO.Path.Combine(Path, "design.json");

    public string DesignParquet => System.IO.Path.Combine(Path, "design.parquet");

    public string Shards => System.IO.Path.Combine(Path, "shards");

    /// <summary>Records the shard count the folder's shards were started with.</summary>
    public string ShardLayout => System.IO.Path.Combine(Shards, "layout.json");

    public string Results => System.IO.Path.Combine(Path, "results.parquet");

    public string SensitivityCsv => System.IO.Path.Combine(Path, "sensitivity.csv");

    public string SensitivityPng => System.IO.Path.Combine(Path, "sensitivity.png");

    public string Part(int shard) => System.IO.Path.Combine(Shards, string.Create(CultureInfo.InvariantCulture, $"part-{shard}.parquet"));

    public string Chunks(int shard) => System.IO.Path.Combine(Shards, string.Create(CultureInfo.InvariantCulture, $"part-{shard}"));

    public string Lock(int shard) => System.IO.Path.Combine(Shards, string.Create(CultureInfo.InvariantCulture, $"part-{shard}.lock"));

    /// <summary>Throws a clear error unless the folder holds a plan.</summary>
    public void RequirePlan()
    {
        if (!File.Exists(DesignJson) || !File.Exists(DesignParquet))
        {
            throw new InputException($"{Display} is not a planned sweep (design.json and design.parquet expected; run 'mobility sweep plan DESIGN --out {Display}')");
        }
    }
}
