namespace Mobility.Tests.Calibration;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Calibration;
using Mobility.Input.Observations;
using Mobility.Model;
using Mobility.Model.Metrics;
using Mobility.Model.Observations;
using Mobility.Model.World;
using Mobility.Model.World.Series;
using Mobility.Tests.Engine;
using Mobility.Tests.IO;

/// <summary>
/// The published figures become fit targets: every measure has a simulated quantity, every row of the shipped file
/// is in a target (none dropped), figures for the same origin, destination, measure and year form a range, and a
/// figure the scenario cannot produce is kept as "not comparable" with its reason.
/// </summary>
public class FigureTargetsTests
{
    private static readonly Lazy<(IReadOnlyList<PublishedFigure> Figures, IReadOnlyList<Observation> Targets)> Shipped = new(() =>
    {
        var loaded = EngineTestKit.Load("baseline");
        var figures = ObservationTableLoader.Load(
            Path.Combine(TestFiles.RepositoryRoot, "scenarios", "observations", "observations.csv"), loaded.World.Countries.Select(c => c.Code), 2000, 2040);
        return (figures, FigureTargets.From(figures, loaded.Settings, loaded.World));
    });

    [Fact]
    public void Every_measure_maps_to_a_simulated_quantity()
    {
        foreach (var measure in Enum.GetValues<FigureMeasure>())
        {
            var (kind, flowKind) = FigureTargets.Quantity(measure);
            Assert.True(Enum.IsDefined(kind), EnumCodes<FigureMeasure>.Code(measure));
            Assert.Contains(flowKind, FlowKinds.All);
        }
    }

    [Fact]
    public void Every_row_of_the_shipped_file_is_in_exactly_one_target()
    {
        var (figures, targets) = Shipped.Value;
        var ids = targets.SelectMany(t => t.Figures).ToList();
        Assert.Equal(figures.Count, ids.Count);
        Assert.Equal(figures.Select(f => f.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Figures_for_the_same_pair_measure_and_year_form_a_range_weighted_by_the_most_trusted()
    {
        var kgz = Shipped.Value.Targets.Single(t => t.Figures.Contains("all-kgz-enrolled-2021-8"));
        Assert.Equal(["all-kgz-enrolled-2021-8", "all-kgz-enrolled-2021-9"], kgz.Figures);
        Assert.Equal(70524, kgz.Value);
        Assert.Equal(80701, kgz.High);

        // A high-confidence figure (48,700) and a low one (40,000): the range's weight is the high one's.
        var uzbRus = Shipped.Value.Targets.Single(t => t.Figures.Contains("uzb-rus-enrolled-2021-186"));
        Assert.Equal(1.0, uzbRus.Weight);
        Assert.Equal(FigureTargets.WeightOf(SourceConfidence.Low), Shipped.Value.Targets.Single(t => t.Figures.SequenceEqual(["uzb-kaz-enrolled-2019-162"])).Weight);
    }

    [Fact]
    public void A_figure_the_scenario_cannot_produce_is_kept_with_its_reason()
    {
        // Hungary's and China's quotas for Kazakhstan are in the world's series: their placements are simulated quota flows.
        foreach (string id in new[] { "kaz-hun-placements-2023-38", "kaz-chn-placements-2023-32" })
        {
            var placements = Shipped.Value.Targets.Single(t => t.Figures.Contains(id));
            Assert.True(placements.Comparable, placements.NotComparable);
            Assert.Equal((ObservationKind.Flow, FlowKinds.Quota), (placements.Kind, placements.FlowKind));
        }

        // In a world without Hungary's series for Kazakhstan, and with no lever for it, they are not simulated.
        var loaded = EngineTestKit.Load("baseline");
        var world = loaded.World;
        var hungary = SeriesEntity.Pair(world.CountryIndex("KAZ"), world.CountryIndex("HUN"));
        var series = new WorldSeries(Enum.GetValues<SeriesVariable>().SelectMany(v => world.Series.Entities(v)
            .Where(e => !(v == SeriesVariable.ScholarshipQuota && e == hungary))
            .SelectMany(e => world.Series.Points(e, v).Select(p => (e, v, p)))));
        var withoutHungary = new WorldData(world.Countries, world.Universities, world.Languages, world.VisaBarrier, world.BaselineImage, world.Agreement, series, world.Ties.Rows);
        var target = FigureTargets.From(Shipped.Value.Figures, loaded.Settings, withoutHungary).Single(t => t.Figures.Contains("kaz-hun-placements-2023-38"));
        Assert.False(target.Comparable);
        Assert.Contains("no host quota of HUN", target.NotComparable, StringComparison.Ordinal);
    }

    [Fact]
    public void Departures_enrolment_and_holders_are_summed_from_their_records()
    {
        var run = new RunResult
        {
            Metrics =
            [
                new MetricRecord(2024, "KAZ", MetricCatalogue.DomesticStudents.Name, 600000),
                new MetricRecord(2024, "KAZ", MetricCatalogue.InboundStudents.Name, 28000),
                new MetricRecord(2024, "KAZ", MetricCatalogue.OutboundStudents.Name, 80000),
            ],
            Flows =
            [
                new FlowRecord(2024, "UZB", "KOR", FlowKinds.Degree, 1500),
                new FlowRecord(2024, "UZB", "KOR", FlowKinds.Credit, 300),
                new FlowRecord(2024, "UZB", "KOR", FlowKinds.NationalScholarship, 40),
                new FlowRecord(2023, "UZB", "KOR", FlowKinds.Degree, 999),
            ],
            Stocks = [new StockRecord(2023, "KAZ", "DEU", 900)],
            ScholarshipHolders = [new StockRecord(2023, "KAZ", "DEU", 25)],
            Universities = [],
            Statistics = new RunStatistics(),
            Ledger = [],
        };
        Observation Target(string origin, string destination, int year, ObservationKind kind) => new("t", origin, destination, year, kind, 1, "", "");

        Assert.Equal(1800, ObservationMatch.Simulated(run, Target("UZB", "KOR", 2024, ObservationKind.Departures)));
        Assert.Equal(628000, ObservationMatch.Simulated(run, Target("KAZ", "KAZ", 2024, ObservationKind.Enrolment)));
        Assert.Equal(25, ObservationMatch.Simulated(run, Target("KAZ", "DEU", 2023, ObservationKind.ScholarshipHolders)));
        Assert.Equal(900, ObservationMatch.Simulated(run, Target("KAZ", "DEU", 2023, ObservationKind.Stock)));
    }

    [Fact]
    public void The_engine_records_quota_placements_and_scholarship_holders_as_parts_of_degree_flows_and_stocks()
    {
        var run = EngineTestKit.Cached("baseline", EngineTestKit.Coarse);
        double quota = EngineTestKit.FlowSum(run, FlowKinds.Quota, 2025, 2032, (o, h) => o == "TJK" && h == "RUS");
        double degree = EngineTestKit.FlowSum(run, FlowKinds.Degree, 2025, 2032, (o, h) => o == "TJK" && h == "RUS");
        Assert.InRange(quota, 1, degree);

        double holders = run.ScholarshipHolders.Where(s => s.Origin == "KAZ").Sum(s => s.Students);
        double stocks = run.Stocks.Where(s => s.Origin == "KAZ").Sum(s => s.Students);
        Assert.InRange(holders, 1, stocks);
        foreach (var h in run.ScholarshipHolders)
        {
            Assert.True(h.Students <= run.Stocks.Single(s => s.Year == h.Year && s.Origin == h.Origin && s.Destination == h.Destination).Students);
        }
    }
}
