namespace Mobility.Experiments.Runs;

using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Model.Parameters;

/// <summary>
/// Runs a batch like <see cref="RunBatch"/>, with the same results, but simulates the years that runs share only once.
/// Runs with the same seed, world and reported years form a group; the group's first run is its trunk. A run shares
/// the trunk's years up to the last year at which their snapshot keys (<see cref="SnapshotKey"/>) are equal: the same
/// settings apart from levers, and the same levers in force so far. The trunk is run once to the earliest such year of
/// its group (the fork year) and every run of the group that shares it continues from that snapshot; the others run
/// from the first year. With a <see cref="RunCache"/>, finished runs and snapshots are reused across batches.
/// </summary>
public static class ForkedBatch
{
    /// <summary>Runs the jobs and hands each result to <paramref name="completed"/> (job index, result), one call at a time, in completion order.</summary>
    public static void Run(
        IReadOnlyList<RunJob> jobs,
        int threads,
        Action<int, RunResult> completed,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default,
        RunCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(completed);
        var simulations = jobs.Select(j => new Simulation(j.World, j.Settings, new SimulationOptions { Seed = j.Seed, ReportFrom = j.ReportFrom })).ToArray();
        var endKeys = new SnapshotKey?[jobs.Count];
        var pending = new List<int>();
        for (int i = 0; i < jobs.Count; i++)
        {
            if (cache is not null)
            {
                endKeys[i] = simulations[i].KeyAt(jobs[i].Settings.Scenario.EndYear);
                if (cache.TryGetResult(endKeys[i]!, out var cached))
                {
                    completed(i, cached);
                    continue;
                }
            }

            pending.Add(i);
        }

        var plan = Plan(jobs, simulations, pending);
        var prefixes = plan.Forks.Where(f => cache is null || !cache.TryGetSnapshot(f.Key, out _)).ToArray();
        int total = prefixes.Length + pending.Count;
        var snapshots = new Dictionary<SnapshotKey, SimulationSnapshot>();
        foreach (var fork in plan.Forks.Except(prefixes))
        {
            cache!.TryGetSnapshot(fork.Key, out var snapshot);
            snapshots[fork.Key] = snapshot;
        }

        RunBatch.Map(
            prefixes.Length,
            threads,
            (index, threadsPerRun, ct) =>
            {
                var fork = prefixes[index];
                RunJob trunk = jobs[fork.Trunk];
                // With a cache, the prefix also keeps the state at the end of spin-up, where most later forks fall.
                int spunUp = trunk.Settings.Scenario.StartYear - 1;
                var simulation = new Simulation(trunk.World, trunk.Settings, new SimulationOptions
                {
                    Threads = threadsPerRun,
                    Seed = trunk.Seed,
                    ReportFrom = trunk.ReportFrom,
                    CaptureYear = cache is not null && spunUp < fork.Key.Year ? spunUp : null,
                    Captured = cache is null ? null : cache.Add,
                });
                return simulation.RunTo(fork.Key.Year, cache is null ? null : Latest(cache, simulations[fork.Trunk], fork.Key.Year), ct);
            },
            (index, snapshot) =>
            {
                snapshots[prefixes[index].Key] = snapshot;
                cache?.Add(snapshot);
            },
            progress is null ? null : new Progress(progress, 0, total),
            cancellationToken);

        // A run outside the forks still continues from the latest cached snapshot it shares (e.g. a new candidate from
        // the reference's); with a cache, a run from the first year keeps its state at the end of spin-up for later batches.
        var froms = pending.Select(i => plan.ForkOf.TryGetValue(i, out var key)
            ? snapshots[key]
            : cache is null ? null : Latest(cache, simulations[i], jobs[i].Settings.Scenario.EndYear)).ToArray();
        RunBatch.Map(
            pending.Count,
            threads,
            (index, threadsPerRun, ct) =>
            {
                RunJob job = jobs[pending[index]];
                var from = froms[index];
                int spunUp = job.Settings.Scenario.StartYear - 1;
                var simulation = new Simulation(job.World, job.Settings, new SimulationOptions
                {
                    Threads = threadsPerRun,
                    Seed = job.Seed,
                    ReportFrom = job.ReportFrom,
                    CaptureYear = cache is not null && from is null ? spunUp : null,
                    Captured = cache is null ? null : cache.Add,
                });
                return from is null ? simulation.Run(cancellationToken: ct) : simulation.Run(from, cancellationToken: ct);
            },
            (index, result) =>
            {
                int job = pending[index];
                if (cache is not null)
                {
                    cache.Add(endKeys[job]!, result);
                }

                completed(job, result);
            },
            progress is null ? null : new Progress(progress, prefixes.Length, total),
            cancellationToken);
    }

    /// <summary>Runs the jobs and returns their results in job order.</summary>
    public static RunResult[] RunAll(
        IReadOnlyList<RunJob> jobs, int threads, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default, RunCache? cache = null)
    {
        var results = new RunResult[jobs.Count];
        Run(jobs, threads, (i, r) => results[i] = r, progress, cancellationToken, cache);
        return results;
    }

    /// <summary>
    /// The forks: per group of <paramref name="pending"/> jobs with the same seed, world and reported years, the trunk
    /// and the fork year; and for each job that continues from a fork, its key.
    /// </summary>
    private static (IReadOnlyList<Fork> Forks, Dictionary<int, SnapshotKey> ForkOf) Plan(IReadOnlyList<RunJob> jobs, Simulation[] simulations, List<int> pending)
    {
        var forks = new List<Fork>();
        var forkOf = new Dictionary<int, SnapshotKey>();
        var shared = new Dictionary<(ScenarioSettings, ScenarioSettings), int?>(new PairByReference());
        foreach (var group in pending.GroupBy(i => (jobs[i].Seed, jobs[i].World, jobs[i].ReportFrom, jobs[i].Settings.Scenario.EndYear)))
        {
            int trunk = group.First();
            var members = new List<int> { trunk };
            int? year = null;
            foreach (int i in group.Skip(1))
            {
                var pair = (jobs[trunk].Settings, jobs[i].Settings);
                if (!shared.TryGetValue(pair, out int? last))
                {
                    shared[pair] = last = LastSharedYear(simulations[trunk], simulations[i], jobs[i].Settings.Scenario.EndYear - 1);
                }

                if (last is int y)
                {
                    members.Add(i);
                    year = Math.Min(year ?? y, y);
                }
            }

            if (year is int fork)
            {
                var key = simulations[trunk].KeyAt(fork);
                forks.Add(new Fork(trunk, key));
                foreach (int i in members)
                {
                    forkOf[i] = key;
                }
            }
        }

        return (forks, forkOf);
    }

    /// <summary>The last year up to <paramref name="until"/> at whose end the two runs have the same state, or null if none.</summary>
    private static int? LastSharedYear(Simulation trunk, Simulation other, int until)
    {
        if (other.FirstYear != trunk.FirstYear)
        {
            return null;
        }

        int? last = null;
        for (int year = trunk.FirstYear; year <= until && trunk.KeyAt(year) == other.KeyAt(year); year++)
        {
            last = year;
        }

        return last;
    }

    /// <summary>The latest cached snapshot of <paramref name="simulation"/> before <paramref name="year"/>, to continue from.</summary>
    private static SimulationSnapshot? Latest(RunCache cache, Simulation simulation, int year)
    {
        for (int y = year - 1; y >= simulation.FirstYear; y--)
        {
            if (cache.TryGetSnapshot(simulation.KeyAt(y), out var snapshot))
            {
                return snapshot;
            }
        }

        return null;
    }

    private sealed record Fork(int Trunk, SnapshotKey Key);

    private sealed class PairByReference : IEqualityComparer<(ScenarioSettings, ScenarioSettings)>
    {
        public bool Equals((ScenarioSettings, ScenarioSettings) x, (ScenarioSettings, ScenarioSettings) y)
            => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((ScenarioSettings, ScenarioSettings) obj)
            => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }

    /// <summary>One phase's progress as part of the whole batch's.</summary>
    private sealed class Progress(IProgress<BatchProgress> whole, int offset, int total) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => whole.Report(new BatchProgress(offset + value.Completed, total, value.Elapsed));
    }
}
