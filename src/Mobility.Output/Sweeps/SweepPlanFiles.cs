namespace Mobility.Output.Sweeps;

using Mobility.Experiments.Sweeps;
using Mobility.Input;
using Mobility.Output.Files;

/// <summary>
/// A sweep folder's plan: <c>design.json</c> (the resolved design) and <c>design.parquet</c> (one row per run:
/// run_id, point, one column per parameter, replicate, seed). Reading re-plans from design.json and checks that
/// design.parquet agrees, so that shards never run a plan other than the one written.
/// </summary>
public static class SweepPlanFiles
{
    /// <summary>Writes design.json and design.parquet into <paramref name="folder"/> (created if needed), each atomically.</summary>
    public static async Task WriteAsync(SweepFolder folder, SweepPlan plan, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder.Path);
        int k = plan.Design.Parameters.Count;
        var runs = plan.Runs;
        var columns = new List<Array>
        {
            runs.Select(r => r.RunId).ToArray(),
            runs.Select(r => r.Point).ToArray(),
        };
        for (int p = 0; p < k; p++)
        {
            columns.Add(runs.Select(r => plan.Values[r.Point][p]).ToArray());
        }

        columns.Add(runs.Select(r => r.Replicate).ToArray());
        columns.Add(runs.Select(r => r.Seed).ToArray());
        await SweepParquet.WriteAsync(folder.DesignParquet, SweepParquet.DesignSchema(plan.Design.Parameters.Select(p => p.Name)), [columns.ToArray()], cancellationToken)
            .ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(folder.DesignJson, SweepDesignWriter.ToJson(plan.Design, folder.Path), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads design.json (with its scenario) and the plan, checked against design.parquet.</summary>
    public static async Task<(LoadedSweepDesign Design, SweepPlan Plan)> ReadAsync(SweepFolder folder, CancellationToken cancellationToken = default)
    {
        folder.RequirePlan();
        LoadedSweepDesign loaded = SweepDesignLoader.Load(folder.DesignJson);
        SweepPlan plan = SweepPlanner.Plan(loaded.Design);
        var table = await SweepParquet.ReadColumnsAsync(folder.DesignParquet, cancellationToken).ConfigureAwait(false);
        string[] expected = SweepParquet.DesignSchema(loaded.Design.Parameters.Select(p => p.Name)).GetDataFields().Select(f => f.Name).ToArray();
        string mismatch = $"{PathDisplay.Of(folder.DesignParquet)} does not match {PathDisplay.Of(folder.DesignJson)}";
        if (!table.Keys.SequenceEqual(expected))
        {
            throw new InputException($"{mismatch}: its columns are {string.Join(", ", table.Keys)}; plan the sweep again into a new folder");
        }

        var ids = (int[])table["run_id"];
        var points = (int[])table["point"];
        var replicates = (int[])table["replicate"];
        if (ids.Length != plan.Runs.Count)
        {
            throw new InputException($"{mismatch}: {ids.Length} runs listed, {plan.Runs.Count} planned; plan the sweep again into a new folder");
        }

        for (int i = 0; i < ids.Length; i++)
        {
            PlannedRun run = plan.Runs[i];
            bool same = ids[i] == run.RunId && points[i] == run.Point && replicates[i] == run.Replicate;
            for (int p = 0; same && p < loaded.Design.Parameters.Count; p++)
            {
                same = ((double[])table[loaded.Design.Parameters[p].Name])[i] == plan.Values[run.Point][p];
            }

            if (!same)
            {
                throw new InputException($"{mismatch} at row {i} (run {ids[i]}); was one of them edited? Plan the sweep again into a new folder");
            }
        }

        return (loaded, plan);
    }
}
