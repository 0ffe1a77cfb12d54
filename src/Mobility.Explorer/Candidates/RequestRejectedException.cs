namespace Mobility.Explorer.Candidates;

/// <summary>A request the explorer refuses, with every problem found (shown beside the controls they concern).</summary>
public sealed class RequestRejectedException : Exception
{
    public RequestRejectedException()
    {
        Problems = [];
    }

    public RequestRejectedException(string message)
        : base(message)
    {
        Problems = [new Problem("", message)];
    }

    public RequestRejectedException(string message, Exception inner)
        : base(message, inner)
    {
        Problems = [new Problem("", message)];
    }

    public RequestRejectedException(IReadOnlyList<Problem> problems)
        : base(string.Join("; ", problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    public IReadOnlyList<Problem> Problems { get; }
}
