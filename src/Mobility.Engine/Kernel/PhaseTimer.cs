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

    public void Time(string phase, Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        seconds[phase] = seconds.GetValueOrDefault(phase) + elapsed;
    }
}
