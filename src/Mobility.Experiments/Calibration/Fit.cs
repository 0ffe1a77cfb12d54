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
        AllRows = rows;
        Rows = rows.Where(r => r.Observation.Comparable).ToArray();
        NotComparable = rows.Where(r => !r.Observation.Comparable).ToArray();
        var compared = Rows;
        var simulated = compared.Select(r => r.Simulated).ToArray();
        var observed = compared.Select(r => Nearest(r)).ToArray();
        Objective = FitMetrics.Objective(simulated, compared.Select(r => r.Observation).ToArray(), FitMetrics.HuberScale);
        MedianAbsoluteLogRatio = compared.Count == 0 ? double.NaN : compared.Select(r => Math.Abs(r.LogRatio)).Median();
        MeanRelativeDifference = compared.Count == 0 ? double.NaN : FitMetrics.MeanRelativeDifference(simulated, observed);
        CommonPart = FitMetrics.CommonPart(simulated, observed);
        MaxFactor = compared.Count == 0 ? double.NaN : compared.Max(r => r.Factor);
        WithinFactorTwo = compared.Count == 0 ? double.NaN : compared.Count(r => r.Factor <= 2) / (double)compared.Count;
        Figures = compared.Sum(r => Math.Max(1, r.Observation.Figures.Count));
    }

    /// <summary>The comparable targets (every summary measure is over these).</summary>
    public IReadOnlyList<FitRow> Rows { get; }

    /// <summary>Every target, the comparable ones and those that cannot be compared, in file order.</summary>
    public IReadOnlyList<FitRow> AllRows { get; }

    /// <summary>The targets that cannot be compared with the model (each with its reason), never fitted.</summary>
    public IReadOnlyList<FitRow> NotComparable { get; }

    /// <summary>Published figures behind the comparable targets (a range counts each of its figures).</summary>
    public int Figures { get; }

    /// <summary>Share of comparable targets within a factor 2 of their published figure (or range).</summary>
    public double WithinFactorTwo { get; }

    public double Objective { get; }

    public double MedianAbsoluteLogRatio { get; }

    public double MeanRelativeDifference { get; }

    public double CommonPart { get; }

    /// <summary>The largest factor by which a target is off.</summary>
    public double MaxFactor { get; }

    /// <summary>The fit of the targets with a member country on either side, one per member, in the given order.</summary>
    public IEnumerable<(string Country, Fit Fit)> ByCountry(IEnumerable<string> countries)
        => countries.Select(c => (c, Subset(o => o.Origin == c || o.Destination == c)));

    /// <summary>The fit of each kind of flow (<see cref="FlowGroups.All"/>, in that order), the members given by code.</summary>
    public IEnumerable<(FlowGroup Group, Fit Fit)> ByFlowGroup(IEnumerable<string> members)
    {
        var set = members.ToHashSet(StringComparer.Ordinal);
        return FlowGroups.All.Select(g => (g, Subset(o => FlowGroups.Of(o, set) == g)));
    }

    /// <summary>The targets furthest off, worst first.</summary>
    public IEnumerable<FitRow> Worst(int count) => Rows.OrderByDescending(r => Math.Abs(r.LogRatio)).Take(count);

    /// <summary>The fit measured on some of the targets only (e.g. the held-out ones).</summary>
    public Fit Subset(Func<Observation, bool> include) => new(AllRows.Where(r => include(r.Observation)).ToArray());

    /// <summary>The same targets with the simulated values of other runs for some of them (e.g. each cross-validation fold's prediction).</summary>
    public Fit Replace(IReadOnlyDictionary<string, FitRow> rowsById)
        => new(AllRows.Select(r => rowsById.TryGetValue(r.Observation.Id, out var other) ? other : r).ToArray());

    /// <summary>The end of the published range nearest to the simulated value (the value itself inside the range).</summary>
    private static double Nearest(FitRow r) => Math.Clamp(r.Simulated, r.Observation.Value, r.Observation.Upper);

    /// <summary>A fit of rows measured elsewhere (e.g. each held-out pair's prediction from its own fold).</summary>
    public static Fit Of(IReadOnlyList<FitRow> rows) => new(rows);

    public static Fit Of(IReadOnlyList<Observation> observations, IReadOnlyList<RunResult> replications)
    {
        if (observations.Count == 0 || replications.Count == 0)
        {
            throw new ArgumentException("a fit needs at least one observation and one run");
        }

        var rows = new FitRow[observations.Count];
        for (int i = 0; i < observations.Count; i++)
        {
            if (!observations[i].Comparable)
            {
                rows[i] = new FitRow(observations[i], double.NaN, double.NaN, double.NaN, []);
                continue;
            }

            var values = replications.Select(r => ObservationMatch.Simulated(r, observations[i])).ToArray();
            // One replication gives a value but no interval.
            Estimate? estimate = values.Length > 1 ? ReplicationStatistics.Describe(values) : null;
            double mean = estimate?.Mean ?? values[0];
            rows[i] = new FitRow(observations[i], mean, Math.Max(0, estimate?.Low ?? mean), estimate?.High ?? mean, values);
        }

        return new Fit(rows);
    }
}
