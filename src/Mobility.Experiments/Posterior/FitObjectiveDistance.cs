namespace Mobility.Experiments.Posterior;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Calibration;
using Mobility.Model.Observations;

/// <summary>
/// Today's calibration objective as an ABC distance: a run's summaries are the simulated counterparts of the
/// observations (<see cref="ObservationMatch"/>, one record per observation, named by its id), and the distance is
/// <see cref="FitMetrics.Objective"/> (weighted mean robust loss of the log errors beyond each figure's range and tolerance) of one run.
/// </summary>
public sealed class FitObjectiveDistance : ISimulationDistance
{
    private readonly IReadOnlyList<Observation> observations;

    public FitObjectiveDistance(IReadOnlyList<Observation> observations, int? reportFrom)
    {
        if (observations.Count == 0)
        {
            throw new ArgumentException("a fit distance needs at least one observation", nameof(observations));
        }

        this.observations = observations;
        ReportFrom = reportFrom;
    }

    public int? ReportFrom { get; }

    public IReadOnlyList<MetricRecord> Summaries(RunResult run)
        => observations.Where(o => o.Comparable).Select(o => new MetricRecord(o.Year, o.Pair, o.Id, ObservationMatch.Simulated(run, o))).ToArray();

    public double Distance(IReadOnlyList<MetricRecord> summaries)
    {
        var byId = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (MetricRecord s in summaries)
        {
            byId[s.Metric] = s.Value;
        }

        var simulated = new double[observations.Count];
        for (int i = 0; i < simulated.Length; i++)
        {
            simulated[i] = !observations[i].Comparable ? double.NaN : byId.TryGetValue(observations[i].Id, out double value)
                ? value
                : throw new InvalidOperationException($"a stored run has no summary for observation '{observations[i].Id}'");
        }

        return FitMetrics.Objective(simulated, observations, FitMetrics.HuberScale);
    }
}
