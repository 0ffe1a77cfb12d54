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

    /// <summary>One line per configuration; speed-up relative to 1 thread when measured, else to the fewest threads.</summary>
    public static IReadOnlyList<ThreadResult> Summarise(IReadOnlyList<ConfigurationMeasurement> measurements)
    {
        if (measurements.Count == 0)
        {
            return [];
        }

        var reference = measurements.OrderBy(m => m.Threads).First();
        double referenceMedian = Median(reference.Seconds);
        var results = new List<ThreadResult>();
        foreach (var m in measurements)
        {
            double median = Median(m.Seconds);
            double yearSeconds = median / Math.Max(1, m.YearsSimulated);
            double agents = Math.Max(1, m.PeakActiveAgents);
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
