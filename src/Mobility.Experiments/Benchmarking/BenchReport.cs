namespace Mobility.Experiments.Benchmarking;

/// <summary>Everything the bench verb writes to bench.json.</summary>
public sealed record BenchReport
{
    public required MachineInfo Machine { get; init; }

    public required string Scenario { get; init; }

    public required double Scale { get; init; }

    public required double PopulationMultiplier { get; init; }

    /// <summary>Scale the engine ran at: <see cref="Scale"/> / <see cref="PopulationMultiplier"/> persons per agent.</summary>
    public required double EffectiveScale { get; init; }

    /// <summary>Reported years (startYear onwards); the spin-up years run before them and are timed too.</summary>
    public required int Years { get; init; }

    /// <summary>Runs per thread count in each round.</summary>
    public required int Repetitions { get; init; }

    /// <summary>Times every thread count was measured, in alternating order (a process per thread count and round).</summary>
    public required int Rounds { get; init; }

    /// <summary>"child process" (one per thread count) or "in process".</summary>
    public required string Isolation { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public required IReadOnlyList<ThreadResult> Results { get; init; }
}
