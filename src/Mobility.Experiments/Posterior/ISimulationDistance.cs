namespace Mobility.Experiments.Posterior;

using Mobility.Engine.Measurement;

/// <summary>
/// How a model run is scored against the data: the summaries kept of each run (stored with the run, so a killed
/// posterior resumes without re-simulating) and the distance of those summaries to the observations. This is the
/// piece a new objective replaces; the algorithm (<see cref="AbcSmc"/>) and the run storage do not change.
/// </summary>
public interface ISimulationDistance
{
    /// <summary>Report the spin-up years from this year on (the earliest observed year), or null.</summary>
    int? ReportFrom { get; }

    /// <summary>What is kept of a run: one record per summary statistic (at least one).</summary>
    IReadOnlyList<MetricRecord> Summaries(RunResult run);

    /// <summary>The distance (>= 0) of a run's kept summaries to the observations.</summary>
    double Distance(IReadOnlyList<MetricRecord> summaries);
}
