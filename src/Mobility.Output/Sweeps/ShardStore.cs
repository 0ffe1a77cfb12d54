namespace Mobility.Output.Sweeps;

using System.Globalization;
using System.Text.Json;
using Mobility.Engine.Measurement;
using Mobility.Experiments.Sweeps;
using Mobility.Input;
using Mobility.Output.Files;

/// <summary>
/// Where one shard keeps its results while it runs, so that it can be killed at any moment (even with kill -9)
/// and started again. Finished runs are buffered and written as chunk files <c>shards/part-I/chunk-NNNNN.parquet</c>,
/// each atomically (temporary file, then rename), at most every <see cref="FlushInterval"/>; a restart reads the run
/// ids of the chunks and skips those runs. At the end the chunks are consolidated into <c>shards/part-I.parquet</c>
/// (atomically; a run found in two chunks, possible only after a kill during compaction, is kept once) and removed.
/// An exclusive lock file keeps two processes from running the same shard at once, and <c>shards/layout.json</c>
/// records the shard count so that the folder is never split two ways.
/// </summary>
public sealed class ShardStore : IDisposable
{
    /// <summary>Above this many chunks, they are compacted into one (bounding the number of files on long runs).</summary>
    public const int CompactAbove = 64;

    private readonly SweepFolder folder;
    private readonly SweepPlan plan;
    private readonly FileStream lockFile;
    private readonly string[] names;
    private readonly Lock gate = new();
    private SweepRows buffer;
    private int bufferedRuns;
    private DateTime lastFlush = DateTime.UtcNow;

    private ShardStore(SweepFolder folder, SweepPlan plan, SweepShard shard, FileStream lockFile)
    {
        this.folder = folder;
        this.plan = plan;
        this.lockFile = lockFile;
        Shard = shard;
        names = plan.Design.Parameters.Select(p => p.Name).ToArray();
        buffer = new SweepRows(names);
    }

    public SweepShard Shard { get; }

    /// <summary>How long finished runs may wait in memory before they are written (what a kill -9 can lose besides the runs in flight).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(2);

    public string PartPath => folder.Part(Shard.Index);

    /// <summary>Opens the shard's store: checks the shard layout, takes the shard's lock, removes stray temporary files.</summary>
    public static ShardStore Open(SweepFolder folder, SweepPlan plan, SweepShard shard)
    {
        // The shards folder first: shards of an array job start together, and RequireWritable removes a folder it had
        // to create for its probe, which would pull the folder from under a sibling shard's lock.
        try
        {
            Directory.CreateDirectory(folder.Shards);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw AtomicFile.Unwritable(folder.Lock(shard.Index), ex);
        }

        AtomicFile.RequireWritable(folder.Lock(shard.Index));
        CheckLayout(folder, shard);
        FileStream lockFile;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix; the kernel drops it when the process dies.
            lockFile = new FileStream(folder.Lock(shard.Index), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InputException($"shard {shard} of {folder.Display} is being run by another process (its lock {PathDisplay.Of(folder.Lock(shard.Index))} is held)");
        }

        var store = new ShardStore(folder, plan, shard, lockFile);
        store.RemoveTemporaryFiles();
        return store;
    }

    /// <summary>Run ids already stored (in the consolidated part file, or in chunks).</summary>
    public async Task<HashSet<int>> CompletedRunsAsync(CancellationToken cancellationToken = default)
    {
        var done = new HashSet<int>();
        if (File.Exists(PartPath))
        {
            var ids = await SweepParquet.ReadColumnsAsync(PartPath, cancellationToken, new HashSet<string> { "run_id" }).ConfigureAwait(false);
            done.UnionWith((int[])ids["run_id"]);
            return done;
        }

        foreach (string chunk in Chunks())
        {
            var ids = await SweepParquet.ReadColumnsAsync(chunk, cancellationToken, new HashSet<string> { "run_id" }).ConfigureAwait(false);
            done.UnionWith((int[])ids["run_id"]);
        }

        return done;
    }

    /// <summary>Buffers a finished run; writes a chunk when the buffer is older than <see cref="FlushInterval"/>.</summary>
    public void Add(PlannedRun run, IReadOnlyList<MetricRecord> records)
    {
        if (records.Count == 0)
        {
            throw new InputException($"run {run.RunId} kept no measurement: the design's metrics, years and countries select nothing the model reports");
        }

        lock (gate)
        {
            buffer.Add(run, plan.Values[run.Point], records);
            bufferedRuns++;
            if (DateTime.UtcNow - lastFlush >= FlushInterval)
            {
                Flush();
            }
        }
    }

    /// <summary>Writes the buffered runs as a new chunk (nothing when the buffer is empty).</summary>
    public void Flush()
    {
        lock (gate)
        {
            if (bufferedRuns > 0)
            {
                SweepParquet.WriteRowsAsync(ChunkPath(NextChunkNumber()), buffer).GetAwaiter().GetResult();
                buffer = new SweepRows(names);
                bufferedRuns = 0;
            }

            lastFlush = DateTime.UtcNow;
            if (Chunks().Count > CompactAbove)
            {
                Compact();
            }
        }
    }

    /// <summary>
    /// Writes part-I.parquet from the chunks (sorted by run, each run once) and removes the chunks. Call when every
    /// run of the shard is stored.
    /// </summary>
    public async Task ConsolidateAsync(CancellationToken cancellationToken = default)
    {
        Flush();
        if (!File.Exists(PartPath))
        {
            SweepRows rows = ReadChunksOnce();
            int[] order = Enumerable.Range(0, rows.Count).OrderBy(i => rows.RunId[i]).ThenBy(i => rows.Year[i])
                .ThenBy(i => rows.Country[i], StringComparer.Ordinal).ThenBy(i => rows.Metric[i], StringComparer.Ordinal).ToArray();
            var sorted = new SweepRows(names);
            foreach (int i in order)
            {
                sorted.AddRow(rows, i);
            }

            await SweepParquet.WriteRowsAsync(PartPath, sorted, cancellationToken).ConfigureAwait(false);
        }

        // The part file is complete; the chunks are now redundant (also after a kill between the two steps).
        if (Directory.Exists(folder.Chunks(Shard.Index)))
        {
            Directory.Delete(folder.Chunks(Shard.Index), recursive: true);
        }
    }

    public void Dispose()
    {
        lockFile.Dispose();
        try
        {
            File.Delete(folder.Lock(Shard.Index));
        }
        catch (IOException)
        {
            // Another process may have taken the lock file already; it is only a lock.
        }
    }

    private static void CheckLayout(SweepFolder folder, SweepShard shard)
    {
        string layout = JsonSerializer.Serialize(new { shards = shard.Count });
        if (File.Exists(folder.ShardLayout))
        {
            int recorded;
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(folder.ShardLayout));
                recorded = document.RootElement.GetProperty("shards").GetInt32();
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InputException($"{PathDisplay.Of(folder.ShardLayout)} is not valid ({ex.Message}); it should hold {layout}");
            }

            if (recorded != shard.Count)
            {
                throw new InputException($"{folder.Display} was started with {recorded} shards, so shard {shard} does not fit; "
                    + $"run the shards as I/{recorded}, or remove {PathDisplay.Of(folder.Shards)} to start over with another count");
            }

            return;
        }

        // Shards starting together write the same content; each write is atomic.
        AtomicFile.WriteAllTextAsync(folder.ShardLayout, layout + "\n").GetAwaiter().GetResult();
    }

    private void RemoveTemporaryFiles()
    {
        string chunks = folder.Chunks(Shard.Index);
        if (Directory.Exists(chunks))
        {
            foreach (string temp in Directory.EnumerateFiles(chunks, ".*.tmp-*"))
            {
                File.Delete(temp);
            }
        }

        foreach (string temp in Directory.EnumerateFiles(folder.Shards, $".part-{Shard.Index.ToString(CultureInfo.InvariantCulture)}.parquet.tmp-*"))
        {
            File.Delete(temp);
        }
    }

    private List<string> Chunks()
    {
        string chunks = folder.Chunks(Shard.Index);
        return Directory.Exists(chunks)
            ? Directory.EnumerateFiles(chunks, "chunk-*.parquet").Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private string ChunkPath(int number)
        => Path.Combine(folder.Chunks(Shard.Index), string.Create(CultureInfo.InvariantCulture, $"chunk-{number:D6}.parquet"));

    private int NextChunkNumber()
    {
        var chunks = Chunks();
        return chunks.Count == 0 ? 0 : int.Parse(Path.GetFileNameWithoutExtension(chunks[^1])["chunk-".Length..], CultureInfo.InvariantCulture) + 1;
    }

    /// <summary>All rows of the chunks, each run's rows taken from the first chunk that holds it.</summary>
    private SweepRows ReadChunksOnce()
    {
        var rows = new SweepRows(names);
        var seen = new HashSet<int>();
        foreach (string chunk in Chunks())
        {
            SweepRows part = SweepParquet.ReadRowsAsync(chunk, names).GetAwaiter().GetResult();
            var fresh = part.RunId.Distinct().Where(id => !seen.Contains(id)).ToHashSet();
            for (int i = 0; i < part.Count; i++)
            {
                if (fresh.Contains(part.RunId[i]))
                {
                    rows.AddRow(part, i);
                }
            }

            seen.UnionWith(fresh);
        }

        return rows;
    }

    /// <summary>Replaces the chunks by one; a kill in between leaves duplicates, which reading drops.</summary>
    private void Compact()
    {
        List<string> old = Chunks();
        SweepRows all = ReadChunksOnce();
        SweepParquet.WriteRowsAsync(ChunkPath(NextChunkNumber()), all).GetAwaiter().GetResult();
        foreach (string chunk in old)
        {
            File.Delete(chunk);
        }
    }
}
