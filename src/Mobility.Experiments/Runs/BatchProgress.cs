namespace Mobility.Experiments.Runs;

/// <summary>How far a batch of runs has got: runs finished out of the total, and the time since it started.</summary>
public readonly record struct BatchProgress(int Completed, int Total, TimeSpan Elapsed)
{
    /// <summary>Estimated time left, from the mean time per finished run; null before the first run finishes.</summary>
    public TimeSpan? Remaining => Completed == 0 ? null : Elapsed / Completed * (Total - Completed);
}
