namespace Mobility.Explorer.Jobs;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mobility.Explorer.Candidates;

/// <summary>
/// The what-ifs waiting and running: one at a time (the runs use every core), in order of arrival; at most one
/// queued or running job per client; any job cancellable. A job that fails is reported on the job and the queue
/// goes on: a failing run never takes the server down.
/// </summary>
public sealed partial class JobQueue : BackgroundService
{
    private readonly Channel<ExplorerJob> channel = Channel.CreateUnbounded<ExplorerJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, ExplorerJob> jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExplorerJob> activeByClient = new(StringComparer.Ordinal);
    private readonly List<ExplorerJob> waiting = [];
    private readonly Lock gate = new();
    private readonly WhatIfRunner runner;
    private readonly ILogger<JobQueue> logger;

    public JobQueue(WhatIfRunner runner, ILogger<JobQueue> logger)
    {
        this.runner = runner;
        this.logger = logger;
    }

    /// <summary>Queues the job, or refuses it when its client already has one queued or running.</summary>
    public bool TryEnqueue(ExplorerJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (gate)
        {
            if (activeByClient.TryGetValue(job.Client, out var active) && !active.IsFinished)
            {
                return false;
            }

            activeByClient[job.Client] = job;
            jobs[job.Id] = job;
            waiting.Add(job);
            job.Ahead = waiting.Count - 1;
        }

        channel.Writer.TryWrite(job);
        return true;
    }

    public ExplorerJob? Find(string id) => jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>The client's queued or running job, if any.</summary>
    public ExplorerJob? ActiveOf(string client)
        => activeByClient.TryGetValue(client, out var job) && !job.IsFinished ? job : null;

    public void Cancel(ExplorerJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (gate)
        {
            if (job.State == JobState.Queued)
            {
                job.State = JobState.Cancelled;
                waiting.Remove(job);
                Renumber();
            }
        }

        job.Cancel();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in channel.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            lock (gate)
            {
                waiting.Remove(job);
                Renumber();
                if (job.State == JobState.Cancelled)
                {
                    continue;
                }

                job.State = JobState.Running;
            }

            var clock = Stopwatch.StartNew();
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Token, stoppingToken);
                await Task.Factory.StartNew(() => runner.Run(job, linked.Token), linked.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
                job.State = JobState.Done;
            }
            catch (OperationCanceledException)
            {
                job.State = JobState.Cancelled;
            }
            catch (RequestRejectedException ex)
            {
                job.Problems = ex.Problems;
                job.State = JobState.Failed;
            }
#pragma warning disable CA1031 // a failing run is reported on its job; the queue and the server go on
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailure(logger, job.Id, ex);
                job.Problems = [new Problem("", "the run failed: " + ex.Message)];
                job.State = JobState.Failed;
            }
            finally
            {
                job.Seconds = clock.Elapsed.TotalSeconds;
            }
        }
    }

    private void Renumber()
    {
        for (int i = 0; i < waiting.Count; i++)
        {
            waiting[i].Ahead = i;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "what-if {Job} failed")]
    private static partial void LogFailure(ILogger logger, string job, Exception exception);
}
