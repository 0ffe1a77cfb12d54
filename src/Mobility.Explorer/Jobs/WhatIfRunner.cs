namespace Mobility.Explorer.Jobs;

using Mobility.Experiments.Comparison;
using Mobility.Experiments.Runs;
using Mobility.Explorer.Candidates;
using Mobility.Explorer.Responses;
using Mobility.Input;
using Mobility.Input.Configuration;

/// <summary>
/// Checks a what-if and runs it: the reference and the candidates loaded and validated as the CLI does, compared
/// with common random numbers; the reference's runs and the replications' shared first years come from the cache
/// when an earlier what-if computed them (snapshot and fork: the numbers are those of runs from the first year).
/// </summary>
public sealed class WhatIfRunner
{
    private readonly ScenarioWorkspace workspace;
    private readonly ExplorerOptions options;

    public WhatIfRunner(ScenarioWorkspace workspace, ExplorerOptions options)
    {
        this.workspace = workspace;
        this.options = options;
        Cache = new RunCache(options.SnapshotCacheBytes);
    }

    public RunCache Cache { get; }

    /// <summary>Loads and validates every scenario of the request; all problems at once, each naming its field.</summary>
    public IReadOnlyList<LoadedScenario> Check(WhatIfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        if (request.Candidates is null || request.Candidates.Count is 0 or > WhatIfRequest.MaxCandidates)
        {
            problems.Add(new Problem("candidates", $"a what-if compares 1 to {WhatIfRequest.MaxCandidates} candidates with the reference (was {request.Candidates?.Count ?? 0})"));
        }

        if (request.Replications is < WhatIfRequest.MinReplications or > WhatIfRequest.MaxReplications)
        {
            problems.Add(new Problem("replications", $"replications must be {WhatIfRequest.MinReplications} to {WhatIfRequest.MaxReplications} (was {request.Replications})"));
        }

        if (!double.IsFinite(request.Scale) || request.Scale < WhatIfRequest.MinScale || request.Scale > WhatIfRequest.MaxScale)
        {
            problems.Add(new Problem("scale", $"scale must be {WhatIfRequest.MinScale} to {WhatIfRequest.MaxScale} persons per agent (was {request.Scale})"));
        }

        if (problems.Count > 0)
        {
            throw new RequestRejectedException(problems);
        }

        var loaded = new List<LoadedScenario>();
        Collect(problems, () => loaded.Add(workspace.Load(request.Reference, null, request.Scale)));
        for (int i = 0; i < request.Candidates!.Count; i++)
        {
            int index = i;
            Collect(problems, () => loaded.Add(workspace.Load(request.Reference, request.Candidates[index], request.Scale, $"candidates[{index}]")));
        }

        if (problems.Count == 0)
        {
            try
            {
                ComparableScenarios.Check(loaded);
            }
            catch (InputException ex)
            {
                problems.AddRange(ex.Problems.Select(p => new Problem("candidates", p)));
            }
        }

        if (problems.Count > 0)
        {
            throw new RequestRejectedException(problems);
        }

        return loaded;
    }

    public void Run(ExplorerJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var loaded = job.Loaded ?? Check(job.Request);
        var scenarios = loaded.Select(l => new ComparisonScenario(l.Name, l.World, l.Settings)).ToArray();
        ulong seed = job.Request.Seed ?? loaded[0].Settings.Scenario.Seed;
        var progress = new JobProgress(job);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runs = ScenarioComparison.Run(scenarios, job.Request.Replications, seed, options.Threads, progress, cancellationToken, new ComparisonExecution { Cache = Cache });
        var summary = ComparisonSummary.Build(runs);
        job.Result = WhatIfResult.Of(runs, summary, job.Request, clock.Elapsed.TotalSeconds);
    }

    private static void Collect(List<Problem> problems, Action load)
    {
        try
        {
            load();
        }
        catch (RequestRejectedException ex)
        {
            problems.AddRange(ex.Problems);
        }
    }

    private sealed class JobProgress(ExplorerJob job) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value)
        {
            job.Done = value.Completed;
            job.Total = value.Total;
        }
    }
}
