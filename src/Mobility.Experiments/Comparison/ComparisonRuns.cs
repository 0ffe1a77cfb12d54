namespace Mobility.Experiments.Comparison;

using Mobility.Experiments.Runs;

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
    }

    public IReadOnlyList<ComparisonScenario> Scenarios { get; }

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

    /// <summary>Metric names, ordinal order.</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>The English name of a country code (the code itself if unknown).</summary>
    public string CountryName(string code) => Reference.World.Countries.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    /// <summary>The outcome of scenario index <paramref name="scenario"/>, replication <paramref name="replicate"/> (1-based).</summary>
    public ReplicationOutcome Outcome(int scenario, int replicate) => outcomes[scenario][replicate - 1];

    /// <summary>
    /// One value per replication (index r - 1) of a metric of a country over a horizon; NaN where the run has no value.
    /// </summary>
    public double[] Across(int scenario, string country, string metric, string horizon)
    {
        var values = new double[Replications];
        for (int r = 0; r < values.Length; r++)
        {
            double[]? yearly = outcomes[scenario][r].Series(country, metric);
            values[r] = yearly is null ? double.NaN : MetricKinds.Aggregate(metric, horizon, yearly);
        }

        return values;
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
