namespace Mobility.Output.Posterior;

using Mobility.Input;
using Mobility.Engine.Measurement;
using Mobility.Experiments.Posterior;
using Mobility.Model.Uncertainty;
using Mobility.Experiments.Runs;
using Mobility.Experiments.Sweeps;
using Mobility.Input.Configuration;
using Mobility.Output.Sweeps;

/// <summary>
/// Simulates a batch of proposals as a sweep: round r of generation g is the sweep folder
/// <c>generations/gen-GG/round-RR</c>, one planned run per proposal (its coefficients as overrides of the loaded
/// scenario, its own seed), run by <see cref="SweepRunner"/> into a <see cref="ShardStore"/> (atomic chunk files,
/// resumable after a kill, one lock per shard). Each run keeps only the summaries of the
/// <see cref="ISimulationDistance"/>, from which the distances are computed once every shard of the round is stored.
/// With a shard I/N, this process runs only its share; while other shards are missing it throws
/// <see cref="BatchPendingException"/>. Without one it runs every shard the round was started with.
/// </summary>
public sealed class SweepParticleDistances : IParticleDistances
{
    private readonly PosteriorFolder folder;
    private readonly JointPrior prior;
    private readonly ScenarioVariants variants;
    private readonly ISimulationDistance distance;
    private readonly int threads;
    private readonly SweepShard? shard;
    private readonly IProgress<BatchProgress>? progress;

    public SweepParticleDistances(
        PosteriorFolder folder, JointPrior prior, ScenarioVariants variants, ISimulationDistance distance, int threads, SweepShard? shard, IProgress<BatchProgress>? progress = null)
    {
        this.folder = folder;
        this.prior = prior;
        this.variants = variants;
        this.distance = distance;
        this.threads = threads;
        this.shard = shard;
        this.progress = progress;
    }

    /// <summary>Simulations this process ran (not those found stored).</summary>
    public long Simulated { get; private set; }

    /// <summary>Simulations found already stored (a resumed run, or other shards').</summary>
    public long Reused { get; private set; }

    public IReadOnlyList<double> Evaluate(ParticleBatch batch, CancellationToken cancellationToken)
    {
        SweepFolder round = folder.Round(batch.Generation, batch.Round);
        SweepPlan plan = Plan(batch);
        int? recorded = RecordedShardCount(round);
        if (recorded is int started && Enumerable.Range(0, started).All(i => File.Exists(round.Part(i))))
        {
            // A finished round (from an earlier invocation, sharded or not) is only read.
            Reused += plan.Runs.Count;
            return Distances(round, plan, started);
        }

        IReadOnlyList<SweepShard> shards = shard is SweepShard given
            ? [given]
            : Enumerable.Range(0, recorded ?? 1).Select(i => new SweepShard(i, recorded ?? 1)).ToArray();
        foreach (SweepShard s in shards)
        {
            RunShard(round, plan, s, cancellationToken);
        }

        int count = shards[0].Count;
        int[] missing = Enumerable.Range(0, count).Where(i => !File.Exists(round.Part(i))).ToArray();
        if (missing.Length > 0)
        {
            throw new BatchPendingException(batch, "shard(s) " + string.Join(", ", missing.Select(i => new SweepShard(i, count).ToString())));
        }

        return Distances(round, plan, count);
    }

    private SweepPlan Plan(ParticleBatch batch)
    {
        var design = new SweepDesign
        {
            Scenario = variants.Base.ScenarioFile,
            Method = SamplingMethod.Random,
            Samples = batch.Count,
            Seed = 0,
            Parameters = prior.Coefficients.Select(c => new SweepParameter(c.Name, c.Path, null, null, null, false)).ToArray(),
            Metrics = [],
        };
        double[][] values = batch.Thetas.Select(t => t.ToArray()).ToArray();
        return new SweepPlan(design, values, values, batch.Seeds);
    }

    /// <summary>The shard count a round was started with (its layout file), or null if it was not started.</summary>
    private static int? RecordedShardCount(SweepFolder round)
    {
        if (!File.Exists(round.ShardLayout))
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(round.ShardLayout));
            return document.RootElement.GetProperty("shards").GetInt32();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException($"{PathDisplay.Of(round.ShardLayout)} is not valid ({ex.Message}); remove {round.Display} to simulate that round again");
        }
    }

    private void RunShard(SweepFolder round, SweepPlan plan, SweepShard s, CancellationToken cancellationToken)
    {
        using ShardStore store = ShardStore.Open(round, plan, s);
        HashSet<int> done = store.CompletedRunsAsync(cancellationToken).GetAwaiter().GetResult();
        PlannedRun[] todo = plan.Runs.Where(r => s.Owns(r.RunId) && !done.Contains(r.RunId)).ToArray();
        Reused += done.Count;
        if (todo.Length > 0)
        {
            try
            {
                SweepRunner.Run(
                    plan,
                    todo,
                    variants.Base.World,
                    point => variants.Settings(prior.Coefficients.Select((c, k) => c.Set(plan.Values[point][k])).ToArray()),
                    threads,
                    (_, result) => distance.Summaries(result),
                    store.Add,
                    distance.ReportFrom,
                    progress,
                    cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Keep every finished simulation: a resumed run starts from here.
                store.Flush();
                throw;
            }

            Simulated += todo.Length;
        }

        store.ConsolidateAsync(cancellationToken).GetAwaiter().GetResult();
    }

    private double[] Distances(SweepFolder round, SweepPlan plan, int count)
    {
        string[] names = prior.Coefficients.Select(c => c.Name).ToArray();
        var summaries = new List<MetricRecord>?[plan.Runs.Count];
        for (int i = 0; i < count; i++)
        {
            SweepRows rows = SweepParquet.ReadRowsAsync(round.Part(i), names).GetAwaiter().GetResult();
            for (int row = 0; row < rows.Count; row++)
            {
                int id = rows.RunId[row];
                if (id < 0 || id >= summaries.Length || Enumerable.Range(0, names.Length).Any(k => rows.Parameters[k][row] != plan.Values[id][k]))
                {
                    throw new InputException($"{PathDisplay.Of(round.Part(i))} holds a simulation (run {id}) of other coefficients than this posterior proposes: "
                        + $"{folder.Display} was run with other settings or seed; start over with --force or use another --out");
                }

                (summaries[id] ??= []).Add(new MetricRecord(rows.Year[row], rows.Country[row], rows.Metric[row], rows.Value[row]));
            }
        }

        return summaries.Select((s, id) => s is null
            ? throw new InputException($"{round.Display}: run {id} is missing from its shard file; remove {round.Display} to simulate that round again")
            : distance.Distance(s)).ToArray();
    }
}
