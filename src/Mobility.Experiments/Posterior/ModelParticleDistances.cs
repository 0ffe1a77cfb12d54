namespace Mobility.Experiments.Posterior;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Runs;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// Simulates a batch of proposals in memory (<see cref="RunBatch"/>, no stored sweep) and scores each run with an
/// <see cref="ISimulationDistance"/>: for posteriors small enough not to need resuming, such as the many small ones of
/// <see cref="SimulationBasedCalibration"/>. Each distance goes to its proposal's slot, so the result does not depend on
/// the thread count.
/// </summary>
public sealed class ModelParticleDistances(WorldData world, Func<double[], ScenarioSettings> settingsFor, ISimulationDistance distance, int threads) : IParticleDistances
{
    /// <summary>Simulations done so far.</summary>
    public long Simulations { get; private set; }

    public IReadOnlyList<double> Evaluate(ParticleBatch batch, CancellationToken cancellationToken)
    {
        var jobs = new RunJob[batch.Count];
        for (int i = 0; i < jobs.Length; i++)
        {
            jobs[i] = new RunJob(world, settingsFor(batch.Thetas[i]), batch.Seeds[i]) { ReportFrom = distance.ReportFrom };
        }

        var distances = new double[batch.Count];
        RunBatch.Run(jobs, threads, (i, result) => distances[i] = distance.Distance(distance.Summaries(result)), null, cancellationToken);
        Simulations += batch.Count;
        return distances;
    }

    /// <summary>One simulation's summaries (the data of a simulation-based calibration).</summary>
    public IReadOnlyList<MetricRecord> Simulate(double[] theta, ulong seed, ISimulationDistance summaries)
    {
        RunResult result = RunBatch.RunAll([new RunJob(world, settingsFor(theta), seed) { ReportFrom = summaries.ReportFrom }], threads)[0];
        Simulations++;
        return summaries.Summaries(result);
    }
}
