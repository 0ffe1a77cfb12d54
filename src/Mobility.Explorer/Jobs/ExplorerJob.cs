namespace Mobility.Explorer.Jobs;

using System.Text.Json.Nodes;
using Mobility.Explorer.Candidates;

/// <summary>One what-if of one client, from the queue to its result (or failure, or cancellation).</summary>
public sealed class ExplorerJob
{
    private readonly CancellationTokenSource cancellation = new();

    public ExplorerJob(string client, WhatIfRequest request)
    {
        Client = client;
        Request = request;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string Client { get; }

    public WhatIfRequest Request { get; }

    /// <summary>The scenarios as loaded and validated when the job was accepted.</summary>
    public IReadOnlyList<Mobility.Input.Configuration.LoadedScenario>? Loaded { get; init; }

    public JobState State { get; set; } = JobState.Queued;

    /// <summary>Runs done and runs in all (including the shared first years of each replication).</summary>
    public int Done { get; set; }

    public int Total { get; set; }

    /// <summary>Jobs ahead of this one in the queue when it was last looked at.</summary>
    public int Ahead { get; set; }

    /// <summary>What went wrong (a failed or refused job), in words.</summary>
    public IReadOnlyList<Problem> Problems { get; set; } = [];

    public JsonObject? Result { get; set; }

    public double Seconds { get; set; }

    public bool IsFinished => State is JobState.Done or JobState.Failed or JobState.Cancelled;

    public CancellationToken Token => cancellation.Token;

    public void Cancel() => cancellation.Cancel();

    /// <summary>The job's state as the page reads it (state, progress, problems, and the result once done).</summary>
    public JsonObject Describe(bool withResult) => new()
    {
        ["id"] = Id,
        ["state"] = State.ToString().ToLowerInvariant(),
        ["done"] = Done,
        ["total"] = Total,
        ["ahead"] = Ahead,
        ["seconds"] = Seconds,
        ["problems"] = new JsonArray(Problems.Select(p => (JsonNode)new JsonObject { ["field"] = p.Field, ["message"] = p.Message }).ToArray()),
        ["result"] = withResult ? Result?.DeepClone() : null,
    };
}
