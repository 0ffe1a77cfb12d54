namespace Mobility.Experiments.Benchmarking;

using System.Diagnostics;
using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// Measures the engine: whole runs of one scenario at one thread count, repeated, with the process's working set
/// and the machine's streaming bandwidth over an array as large as the agent state; then one line per thread count
/// with medians, throughput, speed-up and memory per agent.
/// </summary>
public static class EngineBenchmark
{
    /// <summary>Runs <paramref name="repetitions"/> whole simulations with <paramref name="threads"/> threads in this process.</summary>
    public static ConfigurationMeasurement MeasureConfiguration(
        WorldData world, ScenarioSettings settings, int threads, int repetitions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var seconds = new double[repetitions];
        var statistics = new RunStatistics[repetitions];
        long firstBase = 0;
        long baseWorkingSet = 0;
        long peak = 0;
        for (int r = 0; r < repetitions; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Each repetition starts from a collected heap with its memory given back, and its own peak where the
            // operating system can reset it; the reported peak is the repetition that added the most. Where the peak
            // cannot be reset it is the process's, measured from the working set before the first repetition.
            long before = WorkingSetAfterCollection();
            firstBase = r == 0 ? before : firstBase;
            long runBase = PeakWorkingSet.Reset() ? before : firstBase;
            long start = Stopwatch.GetTimestamp();
            RunResult result = new Simulation(world, settings, new SimulationOptions { Threads = threads }).Run(cancellationToken: cancellationToken);
            seconds[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            statistics[r] = result.Statistics;
            long runPeak = PeakWorkingSet.Read();
            if (r == 0 || runPeak - runBase > peak - baseWorkingSet)
            {
                baseWorkingSet = runBase;
                peak = runPeak;
            }

            result = null!;
        }

        int median = MedianIndex(seconds);
        var reference = statistics[median];
        long streamBytes = Math.Max(reference.ActiveStateBytes, 1 << 20);
        double streamSeconds = StreamBandwidth.Measure(streamBytes, threads);
        return new ConfigurationMeasurement
        {
            Threads = threads,
            Seconds = seconds,
            AgentYears = reference.AgentYears,
            AlumniYears = reference.AlumniYears,
            YearsSimulated = reference.YearsSimulated,
            PeakActiveAgents = reference.PeakAgents,
            StateBytes = reference.StateBytes,
            ActiveStateBytes = reference.ActiveStateBytes,
            BaseWorkingSetBytes = baseWorkingSet,
            PeakWorkingSetBytes = peak,
            StreamSeconds = streamSeconds,
            StreamBytes = streamBytes,
            PhaseSeconds = new Dictionary<string, double>(reference.PhaseSeconds),
        };
    }

    /// <summary>
    /// One line per configuration; speed-up relative to 1 thread when measured, else to the fewest threads.
    /// <paramref name="rounds"/> holds, per configuration, its measurements in round order (one per round, every
    /// configuration measured in every round): the runs of all rounds are pooled (<see cref="Pool"/>), and each round's
    /// median and speed-up are kept, so that a machine whose speed drifts between processes shows as a spread of the
    /// rounds instead of as one configuration's luck.
    /// </summary>
    public static IReadOnlyList<ThreadResult> Summarise(IReadOnlyList<IReadOnlyList<ConfigurationMeasurement>> rounds)
    {
        if (rounds.Count == 0)
        {
            return [];
        }

        int roundCount = rounds[0].Count;
        if (roundCount == 0 || rounds.Any(r => r.Count != roundCount))
        {
            throw new ArgumentException("every configuration needs one measurement per round, and at least one round", nameof(rounds));
        }

        // Each configuration pooled once, with its rounds' medians; the reference is the fewest threads.
        var pooled = rounds.Select(Pool).ToArray();
        var medians = rounds.Select(r => r.Select(m => Median(m.Seconds)).ToArray()).ToArray();
        int reference = Array.IndexOf(pooled, pooled.MinBy(m => m.Threads));
        double referenceMedian = Median(pooled[reference].Seconds);
        var results = new List<ThreadResult>();
        for (int c = 0; c < pooled.Length; c++)
        {
            var m = pooled[c];
            double median = Median(m.Seconds);
            double yearSeconds = median / Math.Max(1, m.YearsSimulated);
            double agents = Math.Max(1, m.PeakActiveAgents);
            var roundMedians = medians[c];
            var roundSpeedups = roundMedians.Select((t, i) => medians[reference][i] / t).ToArray();
            results.Add(new ThreadResult
            {
                Threads = m.Threads,
                MedianSeconds = median,
                AgentYearsPerSecond = m.AgentYears / median,
                Speedup = referenceMedian / median,
                PeakWorkingSetBytes = m.PeakWorkingSetBytes,
                BytesPerAgent = Math.Max(0, m.PeakWorkingSetBytes - m.BaseWorkingSetBytes) / agents,
                StreamBoundRatio = yearSeconds / m.StreamSeconds,
                Seconds = m.Seconds,
                RoundMedianSeconds = roundMedians,
                RoundSpeedups = roundSpeedups,
                MedianRoundSpeedup = Median(roundSpeedups),
                AgentYears = m.AgentYears,
                AlumniYears = m.AlumniYears,
                YearsSimulated = m.YearsSimulated,
                PeakActiveAgents = m.PeakActiveAgents,
                BaseWorkingSetBytes = m.BaseWorkingSetBytes,
                StateBytesPerAgent = m.StateBytes / agents,
                YearSeconds = yearSeconds,
                StreamSeconds = m.StreamSeconds,
                StreamBytes = m.StreamBytes,
                StreamGigabytesPerSecond = m.StreamBytes / m.StreamSeconds / 1e9,
                PhaseSeconds = m.PhaseSeconds,
            });
        }

        return results;
    }

    /// <summary>
    /// One configuration's rounds as one measurement: every run in round order; the peak of the round that added the
    /// most to its process (as among one process's repetitions); the best stream pass; and the phases of the round
    /// whose median is the median of the rounds' (the lower one for an even count). The run's counts (agent-years,
    /// peak agents, state) are the same in every round: the simulation is deterministic.
    /// </summary>
    public static ConfigurationMeasurement Pool(IReadOnlyList<ConfigurationMeasurement> rounds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rounds.Count);
        if (rounds.Count == 1)
        {
            return rounds[0];
        }

        var largest = rounds.MaxBy(r => r.PeakWorkingSetBytes - r.BaseWorkingSetBytes)!;
        var medians = rounds.Select(r => Median(r.Seconds)).ToArray();
        var typical = rounds[MedianIndex(medians)];
        return rounds[0] with
        {
            Seconds = [.. rounds.SelectMany(r => r.Seconds)],
            BaseWorkingSetBytes = largest.BaseWorkingSetBytes,
            PeakWorkingSetBytes = largest.PeakWorkingSetBytes,
            StreamSeconds = rounds.Min(r => r.StreamSeconds),
            PhaseSeconds = typical.PhaseSeconds,
        };
    }

    public static double Median(IReadOnlyList<double> values) => MathNet.Numerics.Statistics.Statistics.Median(values);

    private static int MedianIndex(double[] seconds)
    {
        var order = Enumerable.Range(0, seconds.Length).OrderBy(i => seconds[i]).ToArray();
        return order[(seconds.Length - 1) / 2];
    }

    /// <summary>Collects everything, compacts, and returns free memory to the operating system (aggressive mode).</summary>
    private static long WorkingSetAfterCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
