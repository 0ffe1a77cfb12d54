namespace Mobility.Experiments.Calibration;

using MathNet.Numerics.Statistics;
using Mobility.Engine.Measurement;
using Mobility.Experiments.Comparison;
using Mobility.Model.Observations;

/// <summary>
/// How well replicated runs of one scenario reproduce a set of observations: per target the mean over replications
/// with a 95% confidence interval of that mean (Student t with R - 1 degrees of freedom; a single run has no
/// interval), and the summary error measures of <see cref="FitMetrics"/>.
/// </summary>
public sealed class Fit
{
    private Fit(IReadOnlyList<FitRow> rows)
    {
        Rows = rows;
        var simulated = rows.Select(r => r.Simulated).ToArray();
        var observed = rows.Select(r => r.Observation.Value).ToArray();
        Objective = FitMetrics.Objective(simulated, observed, rows.Select(r => r.Observation.Weight).ToArray(), rows.Select(r => r.Observation.Tolerance).ToArray());
        MedianAbsoluteLogRatio = rows.Count == 0 ? double.NaN : FitMetrics.MedianAbsoluteLogRatio(simulated, observed);
        MeanRelativeDifference = rows.Count == 0 ? double.NaN : FitMetrics.MeanRelativeDifference(simulated, observed);
        CommonPart = FitMetrics.CommonPart(simulated, observed);
        MaxFactor = rows.Count == 0 ? double.NaN : rows.Max(r => r.Factor);
    }

    public IReadOnlyList<FitRow> Rows { get; }

    public double Objective { get; }

    public double MedianAbsoluteLogRatio { get; }

    public double MeanRelativeDifference { get; }

    public double CommonPart { get; }

    /// <summary>The largest factor by which a target is off.</summary>
    public double MaxFactor { get; }

    /// <summary>The targets furthest off, worst first.</summary>
    public IEnumerable<FitRow> Worst(int count) => Rows.OrderByDescending(r => Math.Abs(r.LogRatio)).Take(count);

    /// <summary>The fit measured on some of the targets only (e.g. the held-out ones).</summary>
    public Fit Subset(Func<Observation, bool> include) => new(Rows.Where(r => include(r.Observation)).ToArray());

    public static Fit Of(IReadOnlyList<Observation> observations, IReadOnlyList<RunResult> replications)
    {
        if (observations.Count == 0 || replications.Count == 0)
        {
            throw new ArgumentException("a fit needs at least one observation and one run");
        }

        var rows = new FitRow[observations.Count];
        for (int i = 0; i < observations.Count; i++)
        {
            var values = replications.Select(r => ObservationMatch.Simulated(r, observations[i])).ToArray();
            // One replication gives a value but no interval.
            Estimate? estimate = values.Length > 1 ? ReplicationStatistics.Describe(values) : null;
            double mean = estimate?.Mean ?? values[0];
            rows[i] = new FitRow(observations[i], mean, Math.Max(0, estimate?.Low ?? mean), estimate?.High ?? mean, values);
        }

        return new Fit(rows);
    }
}
