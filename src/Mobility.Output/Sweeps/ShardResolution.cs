namespace Mobility.Output.Sweeps;

using Mobility.Experiments.Sweeps;
using Mobility.Input;

/// <summary>
/// Which shard a <c>sweep run</c> process runs: the <c>--shard I/N</c> option, else the scheduler's environment
/// (a Slurm array task: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT; a Kubernetes indexed job:
/// JOB_COMPLETION_INDEX with the count in <see cref="CountVariable"/>), else the whole sweep.
/// </summary>
public static class ShardResolution
{
    /// <summary>Shard count for Kubernetes indexed jobs (JOB_COMPLETION_INDEX), or to override SLURM_ARRAY_TASK_COUNT.</summary>
    public const string CountVariable = "SWEEP_SHARD_COUNT";

    /// <summary>The --shard option, else the scheduler's environment (Slurm array, Kubernetes indexed job), else the whole sweep.</summary>
    public static SweepShard Resolve(string? option, System.Collections.IDictionary environment)
    {
        string? Get(string name) => environment[name] as string is { Length: > 0 } v ? v : null;
        string? text = option;
        string source = "--shard";
        string? countOverride = Get(CountVariable);
        if (text is null && Get("SLURM_ARRAY_TASK_ID") is string slurmId)
        {
            string? count = countOverride ?? Get("SLURM_ARRAY_TASK_COUNT")
                ?? throw new InputException($"SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_COUNT nor {CountVariable} is; pass --shard I/N");
            text = $"{slurmId}/{count}";
            source = "SLURM_ARRAY_TASK_ID/" + (countOverride is null ? "SLURM_ARRAY_TASK_COUNT" : CountVariable);
        }
        else if (text is null && Get("JOB_COMPLETION_INDEX") is string index)
        {
            string count = countOverride
                ?? throw new InputException($"JOB_COMPLETION_INDEX is set but {CountVariable} (the job's completions) is not; set it or pass --shard I/N");
            text = $"{index}/{count}";
            source = "JOB_COMPLETION_INDEX/" + CountVariable;
        }

        if (text is null)
        {
            return SweepShard.Whole;
        }

        return SweepShard.TryParse(text, out string? problem) ?? throw new InputException($"{source}: {problem}");
    }
}
