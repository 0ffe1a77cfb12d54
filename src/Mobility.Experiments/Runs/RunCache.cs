namespace Mobility.Experiments.Runs;

using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;

/// <summary>
/// Snapshots and finished runs kept in memory between batches, by key (<see cref="SnapshotKey"/>; a finished run by its
/// key at its last year, which covers every setting and lever). Bounded: the snapshots by their bytes, the runs by
/// their number; the oldest entry goes first. Thread-safe. A long-lived process (the explorer) keeps one, so that a
/// what-if reuses the reference's runs and the shared first years of every replication.
/// </summary>
public sealed class RunCache
{
    private readonly Lock gate = new();
    private readonly Dictionary<SnapshotKey, SimulationSnapshot> snapshots = [];
    private readonly Queue<SnapshotKey> snapshotOrder = new();
    private readonly Dictionary<SnapshotKey, RunResult> results = [];
    private readonly Queue<SnapshotKey> resultOrder = new();
    private long snapshotBytes;

    public RunCache(long maxSnapshotBytes = 1L << 30, int maxResults = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSnapshotBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(maxResults);
        MaxSnapshotBytes = maxSnapshotBytes;
        MaxResults = maxResults;
    }

    public long MaxSnapshotBytes { get; }

    public int MaxResults { get; }

    /// <summary>Bytes of the snapshots held.</summary>
    public long SnapshotBytes
    {
        get
        {
            lock (gate)
            {
                return snapshotBytes;
            }
        }
    }

    public bool TryGetSnapshot(SnapshotKey key, out SimulationSnapshot snapshot)
    {
        lock (gate)
        {
            return snapshots.TryGetValue(key, out snapshot!);
        }
    }

    public void Add(SimulationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (gate)
        {
            if (snapshot.StateBytes > MaxSnapshotBytes || !snapshots.TryAdd(snapshot.Key, snapshot))
            {
                return;
            }

            snapshotOrder.Enqueue(snapshot.Key);
            snapshotBytes += snapshot.StateBytes;
            while (snapshotBytes > MaxSnapshotBytes && snapshotOrder.TryDequeue(out var oldest))
            {
                snapshotBytes -= snapshots[oldest].StateBytes;
                snapshots.Remove(oldest);
            }
        }
    }

    public bool TryGetResult(SnapshotKey endKey, out RunResult result)
    {
        lock (gate)
        {
            return results.TryGetValue(endKey, out result!);
        }
    }

    public void Add(SnapshotKey endKey, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (gate)
        {
            if (MaxResults == 0 || !results.TryAdd(endKey, result))
            {
                return;
            }

            resultOrder.Enqueue(endKey);
            while (results.Count > MaxResults && resultOrder.TryDequeue(out var oldest))
            {
                results.Remove(oldest);
            }
        }
    }
}
