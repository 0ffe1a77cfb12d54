namespace Mobility.Experiments.Sweeps;

using System.Globalization;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (0-based, as SLURM_ARRAY_TASK_ID under --array=0-(N-1)). Runs are
/// dealt round-robin (run id modulo the count), so every shard gets a similar mix of points and costs.
/// </summary>
public readonly record struct SweepShard(int Index, int Count)
{
    public static SweepShard Whole => new(0, 1);

    public bool Owns(int runId) => runId % Count == Index;

    public static int OwnerOf(int runId, int count) => runId % count;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses <c>I/N</c>; null with a reason when malformed or out of range.</summary>
    public static SweepShard? TryParse(string text, out string? problem)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            if (count >= 1 && index < count)
            {
                problem = null;
                return new SweepShard(index, count);
            }

            problem = $"shard '{text}': the index must be in 0..N-1 and N >= 1";
            return null;
        }

        problem = $"shard '{text}' must have the form I/N, e.g. 0/4 (I counts from 0 to N-1, as SLURM_ARRAY_TASK_ID)";
        return null;
    }
}
