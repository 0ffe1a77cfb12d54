namespace Mobility.Output.Runs;

using Mobility.Engine.Measurement;
using Mobility.Input.Configuration;

/// <summary>Writes everything a run produces into a folder: the four Parquet files, then <c>manifest.json</c>.</summary>
public static class RunOutputWriter
{
    public static async Task<RunManifest> WriteAsync(
        string folder, LoadedScenario scenario, RunIdentity run, RunResult result, int threads,
        DateTimeOffset startedUtc, DateTimeOffset finishedUtc, CancellationToken cancellationToken = default)
    {
        await ParquetOutput.WriteAllAsync(folder, run, result, cancellationToken).ConfigureAwait(false);
        RunManifest manifest = ManifestWriter.Create(scenario, run, threads, startedUtc, finishedUtc, result.Statistics, folder);
        await ManifestWriter.WriteAsync(Path.Combine(folder, ManifestWriter.FileName), manifest, cancellationToken).ConfigureAwait(false);
        return manifest;
    }
}
