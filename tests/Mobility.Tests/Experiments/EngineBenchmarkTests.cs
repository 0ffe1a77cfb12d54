namespace Mobility.Tests.Experiments;

using Mobility.Experiments.Benchmarking;

/// <summary>
/// How the bench verb's rounds are summarised: each thread count measured once per round (a process each), the runs
/// pooled, and every round's speed-up kept, so that a round whose processes ran slow shows as one round, not as the
/// result.
/// </summary>
public sealed class EngineBenchmarkTests
{
    private static ConfigurationMeasurement Measured(int threads, double[] seconds, long baseBytes = 100, long peakBytes = 300, double stream = 0.01, double study = 1) => new()
    {
        Threads = threads,
        Seconds = seconds,
        AgentYears = 1_000_000,
        AlumniYears = 10,
        YearsSimulated = 10,
        PeakActiveAgents = 100,
        StateBytes = 5_000,
        ActiveStateBytes = 4_000,
        BaseWorkingSetBytes = baseBytes,
        PeakWorkingSetBytes = peakBytes,
        StreamSeconds = stream,
        StreamBytes = 4_000,
        PhaseSeconds = new Dictionary<string, double> { ["study"] = study },
    };

    [Fact]
    public void One_round_reports_what_its_process_measured()
    {
        var one = Measured(1, [3.0, 2.0, 4.0]);
        var two = Measured(2, [2.0, 1.0, 1.5]);

        var results = EngineBenchmark.Summarise([[one], [two]]);

        Assert.Equal(3.0, results[0].MedianSeconds);
        Assert.Equal(1.5, results[1].MedianSeconds);
        Assert.Equal(2.0, results[1].Speedup);
        Assert.Equal([2.0], results[1].RoundSpeedups);
        Assert.Equal(2.0, results[1].MedianRoundSpeedup);
        Assert.Equal([1.0], results[0].RoundSpeedups);
        Assert.Equal(1_000_000 / 1.5, results[1].AgentYearsPerSecond);
    }

    [Fact]
    public void Rounds_pool_the_runs_and_pair_each_round_with_its_own_reference()
    {
        // Round 2's processes both ran 1.5x slower: its speed-up is the same 2x, which pooling alone would blur.
        var oneThread = new[] { Measured(1, [2.0, 2.0]), Measured(1, [3.0, 3.0]), Measured(1, [2.2, 2.2]) };
        var twoThreads = new[] { Measured(2, [1.0, 1.0]), Measured(2, [1.5, 1.5]), Measured(2, [1.0, 1.0]) };

        var results = EngineBenchmark.Summarise([oneThread, twoThreads]);

        var two = results[1];
        Assert.Equal(6, two.Seconds.Length);
        Assert.Equal([1.0, 1.5, 1.0], two.RoundMedianSeconds);
        Assert.Equal(2.0, two.RoundSpeedups[0], 12);
        Assert.Equal(2.0, two.RoundSpeedups[1], 12);
        Assert.Equal(2.2, two.RoundSpeedups[2], 12);
        Assert.Equal(2.0, two.MedianRoundSpeedup, 12);

        // Pooled: the medians of all six runs of each (2.2 and 1.0).
        Assert.Equal(2.2, results[0].MedianSeconds, 12);
        Assert.Equal(1.0, two.MedianSeconds, 12);
        Assert.Equal(2.2, two.Speedup, 12);
    }

    [Fact]
    public void A_pooled_configuration_keeps_the_largest_growth_the_best_stream_and_the_typical_rounds_phases()
    {
        var rounds = new[]
        {
            Measured(2, [1.0], baseBytes: 100, peakBytes: 300, stream: 0.02, study: 0.4),
            Measured(2, [3.0], baseBytes: 150, peakBytes: 500, stream: 0.01, study: 0.9),
            Measured(2, [2.0], baseBytes: 100, peakBytes: 200, stream: 0.03, study: 0.6),
        };

        var pooled = EngineBenchmark.Pool(rounds);

        Assert.Equal([1.0, 3.0, 2.0], pooled.Seconds);
        Assert.Equal(150, pooled.BaseWorkingSetBytes);
        Assert.Equal(500, pooled.PeakWorkingSetBytes);
        Assert.Equal(0.01, pooled.StreamSeconds);
        Assert.Equal(0.6, pooled.PhaseSeconds["study"]);
        Assert.Equal(1_000_000, pooled.AgentYears);
    }

    [Fact]
    public void Configurations_with_different_round_counts_are_refused()
    {
        var oneThread = new[] { Measured(1, [2.0]), Measured(1, [2.0]) };
        var twoThreads = new[] { Measured(2, [1.0]) };

        Assert.Throws<ArgumentException>(() => EngineBenchmark.Summarise([oneThread, twoThreads]));
    }
}
