namespace Mobility.Experiments.Posterior;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Calibration;
using Mobility.Model.Observations;
using Mobility.Model.Uncertainty;

/// <summary>
/// Simulation-based calibration of the ABC-SMC posterior on the model itself (Talts et al. 2018). For each data set
/// i: draw true coefficients from the prior; simulate the model with them once; take the simulated counterparts of
/// the observations as the data (the observations' ids, weights and tolerances kept, their values replaced, a zero
/// raised to <see cref="FitMetrics.Floor"/> as the objective raises simulated values); compute
/// the posterior from that data with <see cref="AbcSmc"/>; draw L equally weighted values from it
/// (<see cref="PosteriorResampling"/>) and record, per coefficient, how many lie below the true value. Data set i's
/// truth, data seed and posterior seed come from the <see cref="StreamPurpose.Calibration"/> stream of (seed, i), so
/// the result depends on the seed only.
/// </summary>
public static class SimulationBasedCalibration
{
    public static SbcResult Run(
        JointPrior prior,
        IReadOnlyList<Observation> template,
        int? reportFrom,
        Func<ISimulationDistance, IParticleDistances> simulator,
        Func<double[], ulong, ISimulationDistance, IReadOnlyList<MetricRecord>> simulateOnce,
        SbcOptions options,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var templateDistance = new FitObjectiveDistance(template, reportFrom);
        var dataSets = new List<SbcDataSet>(options.DataSets);
        for (int i = 0; i < options.DataSets; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stream = new ParticleStream(options.Seed, 0, i, 0, StreamPurpose.Calibration);
            double[] truth = stream.DrawFrom(prior);
            ulong dataSeed = stream.NextUInt64();
            ulong posteriorSeed = stream.NextUInt64();

            var simulated = simulateOnce(truth, dataSeed, templateDistance).ToDictionary(s => s.Metric, s => s.Value, StringComparer.Ordinal);
            // A figure simulated as zero (a small pair at a coarse scale) becomes the floor the objective puts under simulated values, so that its log error is finite.
            Observation[] data = template.Select(o => o with { Value = Math.Max(simulated[o.Id], FitMetrics.Floor) }).ToArray();
            var distance = new FitObjectiveDistance(data, reportFrom);
            PosteriorResult posterior = new AbcSmc(prior, simulator(distance), options.Abc with { Seed = posteriorSeed }).Run(null, cancellationToken);

            Population last = posterior.Posterior;
            int[] draws = PosteriorResampling.Independent(last.Weights, options.Draws, posteriorSeed);
            var ranks = new int[prior.Dimension];
            for (int k = 0; k < ranks.Length; k++)
            {
                foreach (int d in draws)
                {
                    ranks[k] += last.Thetas[d][k] < truth[k] ? 1 : 0;
                }
            }

            dataSets.Add(new SbcDataSet(i, truth, ranks, posterior.Generations.Count, posterior.Diagnostics[^1].Tolerance, last.EffectiveSampleSize, posterior.Simulations + 1));
            progress?.Report(i + 1);
        }

        return new SbcResult(prior, options, dataSets);
    }
}
