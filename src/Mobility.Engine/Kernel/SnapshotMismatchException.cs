namespace Mobility.Engine.Kernel;

/// <summary>A snapshot was offered to a run whose state at the snapshot's year would differ from it (another scenario, world, seed or engine).</summary>
public sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException()
    {
        Differences = [];
    }

    public SnapshotMismatchException(string message)
        : base(message)
    {
        Differences = [message];
    }

    public SnapshotMismatchException(string message, Exception inner)
        : base(message, inner)
    {
        Differences = [message];
    }

    public SnapshotMismatchException(int year, IReadOnlyList<string> differences)
        : base($"the saved state at the end of {year} does not belong to this run: {string.Join("; ", differences)}")
    {
        Differences = differences;
    }

    /// <summary>What differs, in words.</summary>
    public IReadOnlyList<string> Differences { get; }
}
