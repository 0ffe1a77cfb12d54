namespace Mobility.Tests.Metrics;

using System.Text.RegularExpressions;
using Mobility.Engine.Measurement;
using Mobility.Experiments.Comparison;
using Mobility.Model.Metrics;
using Mobility.Tests.Engine;

/// <summary>
/// The catalogue of metrics is the one place a metric is defined: the engine emits exactly its measured records,
/// comparisons derive exactly its derived ones, each aggregates over years as its record says, and the
/// documentation lists them all.
/// </summary>
public partial class MetricCatalogueTests
{
    [Fact]
    public void The_collector_emits_every_measured_metric_once_per_country_and_year_and_nothing_else()
    {
        RunResult run = EngineTestKit.Cached("baseline", EngineTestKit.Coarse);

        var expected = MetricCatalogue.Measured.Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();
        foreach (var countryYear in run.Metrics.GroupBy(m => (m.Year, m.Country)))
        {
            Assert.Equal(expected, countryYear.Select(m => m.Metric).Order(StringComparer.Ordinal).ToArray());
        }

        Assert.Equal(run.Metrics.Select(m => m.Country).Distinct().Count() * run.Metrics.Select(m => m.Year).Distinct().Count(),
            run.Metrics.GroupBy(m => (m.Year, m.Country)).Count());
    }

    [Fact]
    public void A_comparison_derives_every_derived_metric_from_its_inputs()
    {
        RunResult run = EngineTestKit.Cached("baseline", EngineTestKit.Coarse);

        var all = DerivedMetrics.AddTo(run.Metrics);

        var values = all.ToDictionary(m => (m.Year, m.Country, m.Metric), m => m.Value);
        Assert.NotEmpty(MetricCatalogue.Derived);
        foreach (Metric derived in MetricCatalogue.Derived)
        {
            foreach (var (year, country) in run.Metrics.Select(m => (m.Year, m.Country)).Distinct())
            {
                double[] inputs = derived.Derivation!.Inputs.Select(i => values[(year, country, i.Name)]).ToArray();
                Assert.Equal(derived.Derivation.Combine(inputs), values[(year, country, derived.Name)]);
            }
        }

        Assert.All(all, m => Assert.NotNull(MetricCatalogue.Find(m.Metric)));
    }

    [Fact]
    public void Every_record_is_complete_and_its_name_unique()
    {
        Assert.Equal(MetricCatalogue.All.Count, MetricCatalogue.All.Select(m => m.Name).Distinct().Count());
        Assert.All(MetricCatalogue.All, m =>
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", m.Name);
            Assert.False(string.IsNullOrWhiteSpace(m.Label), m.Name);
            Assert.False(string.IsNullOrWhiteSpace(m.Definition), m.Name);
            Assert.False(string.IsNullOrWhiteSpace(m.UnitText), m.Name);
            Assert.Same(m, MetricCatalogue.Get(m.Name));
        });
        Assert.All(MetricCatalogue.Derived, m => Assert.All(m.Derivation!.Inputs, i => Assert.Contains(i, MetricCatalogue.Measured)));
        Assert.All(MetricCatalogue.Headline, m => Assert.Contains(m, MetricCatalogue.All));
    }

    [Fact]
    public void A_name_without_a_record_is_refused_not_guessed()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => MetricCatalogue.Get("happiness_index"));
        Assert.Contains("'happiness_index' has no record", error.Message);
        Assert.Null(MetricCatalogue.Find("happiness_index"));
    }

    /// <summary>
    /// What people expect of each metric over several years: events and money of a year add up, levels (stocks,
    /// images, shares, ranks, scores, human capital) are averaged. Written out here, apart from the catalogue, so
    /// that a record with the wrong aggregation fails.
    /// </summary>
    [Theory]
    [InlineData("degree_outflow", 9)]
    [InlineData("degree_inflow", 9)]
    [InlineData("credit_outflow", 9)]
    [InlineData("scholar_visits_out", 9)]
    [InlineData("scholar_visits_in", 9)]
    [InlineData("returnees", 9)]
    [InlineData("brain_drain", 9)]
    [InlineData("brain_gain", 9)]
    [InlineData("net_brain_gain", 9)]
    [InlineData("export_revenue_usd", 9)]
    [InlineData("graduates", 9)]
    [InlineData("dropouts", 9)]
    [InlineData("investment_cost_usd", 9)]
    [InlineData("regional_image", 3)]
    [InlineData("global_image", 3)]
    [InlineData("inbound_students", 3)]
    [InlineData("outbound_students", 3)]
    [InlineData("intra_regional_share", 3)]
    [InlineData("human_capital", 3)]
    [InlineData("intl_human_capital", 3)]
    [InlineData("return_rate", 3)]
    [InlineData("best_rank", 3)]
    [InlineData("universities_top500", 3)]
    [InlineData("universities_top1000", 3)]
    [InlineData("soft_power_score", 3)]
    [InlineData("domestic_students", 3)]
    public void Over_the_years_flows_add_up_and_levels_are_averaged(string metric, double overYears)
    {
        double[] yearly = [1, 2, 6];

        Assert.Equal(overYears, MetricCatalogue.Get(metric).Aggregate(yearly));
    }

    [Fact]
    public void The_aggregation_theory_covers_every_metric()
    {
        var covered = typeof(MetricCatalogueTests).GetMethod(nameof(Over_the_years_flows_add_up_and_levels_are_averaged))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]);

        Assert.Equal(MetricCatalogue.All.Select(m => m.Name).Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_documentation_lists_every_metric_with_its_record()
    {
        string doc = File.ReadAllText(Path.Combine(EngineTestKit.RepositoryRoot, "docs", "metrics.md"));

        var rows = DocRow().Matches(doc).ToDictionary(m => m.Groups["name"].Value, m => m);
        Assert.Equal(MetricCatalogue.All.Select(m => m.Name).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (Metric metric in MetricCatalogue.All)
        {
            var row = rows[metric.Name];
            Assert.Equal(metric.Label, row.Groups["label"].Value.Trim());
            Assert.Equal(metric.UnitText, row.Groups["unit"].Value.Trim());
            Assert.Equal(metric.OverYears == YearAggregation.Sum ? "sum" : "mean", row.Groups["years"].Value.Trim());
        }
    }

    /// <summary>A row of the catalogue table of docs/metrics.md: | `name` | label | unit | sum or mean | definition |.</summary>
    [GeneratedRegex(@"^\| `(?<name>[a-z0-9_]+)` \|(?<label>[^|]+)\|(?<unit>[^|]+)\|(?<years>[^|]+)\|", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
