namespace Mobility.Experiments.Comparison;

using Mobility.Experiments.Runs;
using Mobility.Model.Metrics;

/// <summary>
/// The finished runs of a comparison: every scenario times every replication, replication r of every scenario run
/// with the same seed. The first scenario is the reference.
/// </summary>
public sealed class ComparisonRuns
{
    private readonly ReplicationOutcome[][] outcomes;

    public ComparisonRuns(IReadOnlyList<ComparisonScenario> scenarios, ulong baseSeed, IReadOnlyList<ulong> seeds, IReadOnlyList<int> years, ReplicationOutcome[][] outcomes)
    {
        if (outcomes.Length != scenarios.Count || outcomes.Any(o => o.Length != seeds.Count))
        {
            throw new ArgumentException("one outcome per scenario and replication is needed", nameof(outcomes));
        }

        Scenarios = scenarios;
        BaseSeed = baseSeed;
        Seeds = seeds;
        Years = years;
        this.outcomes = outcomes;
        var countries = scenarios[0].World.Countries;
        Countries = countries.Select(c => c.Code).ToArray();
        Members = countries.Where(c => c.IsMember).Select(c => c.Code).ToArray();
        Metrics = outcomes[0][0].Metrics.Select(m => m.Metric).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (string metric in Metrics)
        {
            MetricCatalogue.Get(metric); // a metric without a record would be summarised by guesswork: refuse it
        }
    }

    public IReadOnlyList<ComparisonScenario> Scenarios { get; }

    /// <summary>The posterior draws the replications ran with (<c>compare --posterior</c>), or null for fixed coefficients.</summary>
    public ComparisonDraws? Draws { get; init; }

    public ComparisonScenario Reference => Scenarios[0];

    /// <summary>The seed the replication seeds were derived from (see <see cref="ReplicationSeeds"/>).</summary>
    public ulong BaseSeed { get; }

    /// <summary>Seed of replication r at index r - 1.</summary>
    public IReadOnlyList<ulong> Seeds { get; }

    public int Replications => Seeds.Count;

    /// <summary>The reported years, in order.</summary>
    public IReadOnlyList<int> Years { get; }

    public int FinalYear => Years[^1];

    /// <summary>Country codes in the world's order.</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>Codes of the member countries (the region).</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>Metric names, ordinal order; each has a record in <see cref="MetricCatalogue"/>.</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>The English name of a country code (the code itself if unknown).</summary>
    public string CountryName(string code) => Reference.World.Countries.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    /// <summary>The outcome of scenario index <paramref name="scenario"/>, replication <paramref name="replicate"/> (1-based).</summary>
    public ReplicationOutcome Outcome(int scenario, int replicate) => outcomes[scenario][replicate - 1];

    /// <summary>
    /// One value per replication (index r - 1) of a metric of a country over the <see cref="Horizons.Final"/> or
    /// <see cref="Horizons.Cumulative"/> horizon (summed or averaged over the years as the metric's record says); NaN
    /// where the run has no value. The <see cref="Horizons.Peak"/> is a year: see <see cref="PeakYear"/>.
    /// </summary>
    public double[] Across(int scenario, string country, string metric, string horizon)
    {
        Metric record = MetricCatalogue.Get(metric);
        if (horizon is not (Horizons.Final or Horizons.Cumulative))
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "expected 'final' or 'cumulative'");
        }

        var values = new double[Replications];
        for (int r = 0; r < values.Length; r++)
        {
            double[]? yearly = outcomes[scenario][r].Series(country, metric);
            values[r] = yearly is null ? double.NaN : horizon == Horizons.Final ? yearly[^1] : record.Aggregate(yearly);
        }

        return values;
    }

    /// <summary>
    /// The reported year in which the mean paired difference of scenario <paramref name="scenario"/> from the
    /// reference is largest in size (the latest such year in a tie); null where a run has no value in some year.
    /// </summary>
    public int? PeakYear(int scenario, string country, string metric)
    {
        int? peak = null;
        double largest = -1;
        for (int i = Years.Count - 1; i >= 0; i--)
        {
            double size = Math.Abs(DifferencesInYear(scenario, country, metric, Years[i]).Average());
            if (double.IsNaN(size))
            {
                return null;
            }

            if (size > largest)
            {
                (largest, peak) = (size, Years[i]);
            }
        }

        return peak;
    }

    /// <summary>Replication by replication, scenario <paramref name="scenario"/> minus the reference in one year.</summary>
    public double[] DifferencesInYear(int scenario, string country, string metric, int year)
    {
        double[] values = InYear(scenario, country, metric, year);
        double[] reference = InYear(0, country, metric, year);
        for (int r = 0; r < values.Length; r++)
        {
            values[r] -= reference[r];
        }

        return values;
    }

    /// <summary>The index of the scenario named <paramref name="name"/>.</summary>
    public int IndexOf(string name)
    {
        for (int s = 0; s < Scenarios.Count; s++)
        {
            if (Scenarios[s].Name == name)
            {
                return s;
            }
        }

        throw new ArgumentException($"no scenario named '{name}' in this comparison", nameof(name));
    }

    /// <summary>The values of every replication in one year, for yearly bands.</summary>
    public double[] InYear(int scenario, string country, string metric, int year)
    {
        int index = year - Years[0];
        var values = new double[Replications];
        for (int r = 0; r < values.Length; r++)
        {
            double[]? yearly = outcomes[scenario][r].Series(country, metric);
            values[r] = yearly is null ? double.NaN : yearly[index];
        }

        return values;
    }
}
