namespace Mobility.Output.Sweeps;

using System.Globalization;
using System.Text.RegularExpressions;
using Mobility.Experiments.Sweeps;
using Mobility.Input;
using Mobility.Output.Files;

/// <summary>
/// Merges a sweep's shard files into <c>results.parquet</c> after checking that every planned run is present exactly
/// once: missing runs are listed with the shard that owns them, duplicated runs with the files that hold them, and
/// runs that are not in the plan are reported too. Nothing is written unless all is well. The output has one row
/// group per shard file and the columns run_id, point, replicate, seed, parameters..., year, country, metric, value.
/// </summary>
public static partial class SweepMerge
{
    private const int ListedIds = 20;

    /// <summary>What a successful merge wrote.</summary>
    public sealed record Summary(int Runs, long Rows, int Shards, string Path);

    public static async Task<Summary> MergeAsync(SweepFolder folder, SweepPlan plan, CancellationToken cancellationToken = default)
    {
        AtomicFile.RequireWritable(folder.Results);
        string[] names = plan.Design.Parameters.Select(p => p.Name).ToArray();
        var parts = Directory.Exists(folder.Shards)
            ? Directory.EnumerateFiles(folder.Shards, "part-*.parquet")
                .Select(p => (Path: p, Match: PartName().Match(System.IO.Path.GetFileName(p))))
                .Where(p => p.Match.Success)
                .Select(p => (p.Path, Shard: int.Parse(p.Match.Groups[1].Value, CultureInfo.InvariantCulture)))
                .OrderBy(p => p.Shard)
                .ToArray()
            : [];
        int shardCount = ShardCount(folder, parts.Select(p => p.Shard));

        var problems = new List<string>();
        var holders = new Dictionary<int, List<string>>();
        foreach (var (path, _) in parts)
        {
            var columns = await SweepParquet.ReadColumnsAsync(path, cancellationToken, new HashSet<string> { "run_id", "year", "country", "metric" })
                .ConfigureAwait(false);
            var ids = (int[])columns["run_id"];
            var years = (int[])columns["year"];
            var countries = (string[])columns["country"];
            var metrics = (string[])columns["metric"];
            var keys = new HashSet<(int, int, string, string)>();
            var repeated = new SortedSet<int>();
            for (int i = 0; i < ids.Length; i++)
            {
                if (!keys.Add((ids[i], years[i], countries[i], metrics[i])))
                {
                    repeated.Add(ids[i]);
                }
            }

            if (repeated.Count > 0)
            {
                problems.Add($"{PathDisplay.Of(path)} holds the rows of {repeated.Count} run(s) more than once: {List(repeated)}");
            }

            foreach (int id in ids.Distinct())
            {
                if (!holders.TryGetValue(id, out var files))
                {
                    holders[id] = files = [];
                }

                files.Add(System.IO.Path.GetFileName(path));
            }
        }

        var missing = plan.Runs.Select(r => r.RunId).Where(id => !holders.ContainsKey(id)).ToArray();
        foreach (var byShard in missing.GroupBy(id => SweepShard.OwnerOf(id, shardCount)).OrderBy(g => g.Key))
        {
            string state = File.Exists(folder.Part(byShard.Key)) ? "its part file lacks them"
                : Directory.Exists(folder.Chunks(byShard.Key)) ? "it has not finished (chunks only)"
                : "it has not run";
            problems.Add($"{byShard.Count()} run(s) missing from shard {byShard.Key}/{shardCount} ({state}): {List(byShard)}; "
                + $"run 'mobility sweep run {folder.Display} --shard {byShard.Key}/{shardCount}'");
        }

        foreach (var duplicate in holders.Where(h => h.Value.Count > 1).OrderBy(h => h.Key).Take(ListedIds))
        {
            problems.Add($"run {duplicate.Key} is present more than once, in {string.Join(" and ", duplicate.Value)}");
        }

        int duplicates = holders.Count(h => h.Value.Count > 1);
        if (duplicates > ListedIds)
        {
            problems.Add($"... {duplicates - ListedIds} more run(s) present more than once");
        }

        var unknown = holders.Keys.Where(id => id < 0 || id >= plan.Runs.Count).Order().ToArray();
        if (unknown.Length > 0)
        {
            problems.Add($"{unknown.Length} run id(s) in the shard files are not in the plan: {List(unknown)} (files of another sweep?)");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems.Prepend($"{folder.Display}: {plan.Runs.Count} runs planned, {holders.Count} found; nothing merged"));
        }

        long rows = 0;
        IEnumerable<Array[]> Groups()
        {
            foreach (var (path, _) in parts)
            {
                SweepRows part = SweepParquet.ReadRowsAsync(path, names, cancellationToken).GetAwaiter().GetResult();
                rows += part.Count;
                var runs = part.RunId.Select(id => plan.Runs[id]).ToArray();
                yield return new Array[]
                    {
                        part.RunId.ToArray(), runs.Select(r => r.Point).ToArray(), runs.Select(r => r.Replicate).ToArray(),
                        runs.Select(r => r.Seed).ToArray(),
                    }
                    .Concat(part.Parameters.Select(p => (Array)p.ToArray()))
                    .Concat([part.Year.ToArray(), part.Country.ToArray(), part.Metric.ToArray(), part.Value.ToArray()])
                    .ToArray();
            }
        }

        await SweepParquet.WriteAsync(folder.Results, SweepParquet.ResultsSchema(names), Groups(), cancellationToken).ConfigureAwait(false);
        return new Summary(plan.Runs.Count, rows, parts.Length, folder.Results);
    }

    /// <summary>The shard count of the layout file, else the number implied by the part files (at least 1).</summary>
    private static int ShardCount(SweepFolder folder, IEnumerable<int> shards)
    {
        if (File.Exists(folder.ShardLayout))
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(folder.ShardLayout));
                return document.RootElement.GetProperty("shards").GetInt32();
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InputException($"{PathDisplay.Of(folder.ShardLayout)} is not valid: {ex.Message}");
            }
        }

        return Math.Max(1, shards.DefaultIfEmpty(0).Max() + 1);
    }

    private static string List(IEnumerable<int> ids)
    {
        int[] all = ids.Order().ToArray();
        string shown = string.Join(", ", all.Take(ListedIds).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        return all.Length > ListedIds ? $"{shown}, ... ({all.Length - ListedIds} more)" : shown;
    }

    [GeneratedRegex(@"^part-(\d+)\.parquet$")]
    private static partial Regex PartName();
}
