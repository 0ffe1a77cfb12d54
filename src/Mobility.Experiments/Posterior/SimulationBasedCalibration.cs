namespace Mobility.Experiments.Posterior;

using Mobility.Engine.Measurement;
using Mobility.Model.Observations;
using Mobility.Model.Uncertainty;

/// <summary>
/// Simulation-based calibration of the ABC-SMC posterior on the model itself (Talts et al. 2018). For each data set
/// i: draw true coefficients from the prior; simulate the model with them once; draw the data from the observation-error
/// model around the simulated counterparts of the observations (<see cref="ObservationErrorModel.Draw"/>: the
/// observations' ids, weights, tolerances and range widths kept, their values replaced), which is the generative model
/// the posterior assumes; compute the posterior from that data with <see cref="AbcSmc"/>; draw L equally weighted values from it
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
        var error = new ObservationErrorModel(template, options.ErrorScale);
        var dataSets = new List<SbcDataSet>(options.DataSets);
        for (int i = 0; i < options.DataSets; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stream = new ParticleStream(options.Seed, 0, i, 0, StreamPurpose.Calibration);
            double[] truth = stream.DrawFrom(prior);
            ulong dataSeed = stream.NextUInt64();
            ulong posteriorSeed = stream.NextUInt64();

            var simulated = simulateOnce(truth, dataSeed, templateDistance).ToDictionary(s => s.Metric, s => s.Value, StringComparer.Ordinal);
            var data = new Observation[template.Count];
            for (int o = 0; o < data.Length; o++)
            {
                double side = stream.NextDouble(), position = stream.NextDouble();
                data[o] = ObservationErrorModel.Fitted(template[o]) ? error.Draw(template[o], simulated[template[o].Id], side, position) : template[o];
            }

            var distance = new FitObjectiveDistance(data, reportFrom);
            PosteriorResult posterior = new AbcSmc(prior, simulator(distance), error.Precision, options.Abc with { Seed = posteriorSeed }).Run(null, cancellationToken);

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

            dataSets.Add(new SbcDataSet(i, truth, ranks, posterior.Generations.Count, posterior.Diagnostics[^1].Temperature, last.EffectiveSampleSize, posterior.Simulations + 1));
            progress?.Report(i + 1);
        }

        return new SbcResult(prior, options, dataSets);
    }
}
