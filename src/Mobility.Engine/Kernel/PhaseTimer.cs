namespace Mobility.Engine.Kernel;

using System.Diagnostics;

/// <summary>Adds the wall time of each phase to a per-phase total, for the manifest and the bench verb.</summary>
internal sealed class PhaseTimer
{
    private readonly Dictionary<string, double> seconds;

    public PhaseTimer(Dictionary<string, double> seconds)
    {
        this.seconds = seconds;
    }

    /// <summary>Runs <paramref name="phase"/> once and adds its wall time to its name's total.</summary>
    public void Run(YearPhase phase)
    {
        long start = Stopwatch.GetTimestamp();
        phase.Run();
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        seconds[phase.Name] = seconds.GetValueOrDefault(phase.Name) + elapsed;
    }
}
