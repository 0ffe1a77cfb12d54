namespace Mobility.Model.Metrics;

using static Mobility.Model.Metrics.MetricUnit;
using static Mobility.Model.Metrics.YearAggregation;

/// <summary>
/// Every metric a run or a comparison reports, one record each (see docs/metrics.md). The engine's collector can
/// only emit a metric through its record here, and a test checks that it emits every record that is not derived;
/// adding a metric is one record below plus its formula in the collector (or, for a derived metric, its
/// <see cref="MetricDerivation"/>).
/// </summary>
public static class MetricCatalogue
{
    public static readonly Metric RegionalImage = new("regional_image", "regional image", Score, Mean,
        "population-weighted mean of the image of the country held in the other member countries");

    public static readonly Metric GlobalImage = new("global_image", "global image", Score, Mean,
        "population-weighted mean of the image of the country held in every other country of the world data");

    public static readonly Metric InboundStudents = new("inbound_students", "inbound students", Persons, Mean,
        "stock: degree students of other countries enrolled in the country, as official statistics count them");

    public static readonly Metric OutboundStudents = new("outbound_students", "outbound students", Persons, Mean,
        "stock: degree students of the country enrolled in other countries");

    public static readonly Metric IntraRegionalShare = new("intra_regional_share", "intra-regional share", Share, Mean,
        "share of the country's students abroad (outbound stock) who study in member countries (0 if none abroad)");

    public static readonly Metric DegreeOutflow = new("degree_outflow", "degree outflow", Persons, Sum,
        "new degree admissions of the country's students abroad in the year");

    public static readonly Metric DegreeInflow = new("degree_inflow", "degree inflow", Persons, Sum,
        "new degree admissions of foreign students into the country in the year");

    public static readonly Metric CreditOutflow = new("credit_outflow", "credit outflow", Persons, Sum,
        "new credit (exchange) stays of the country's students abroad in the year");

    public static readonly Metric ScholarVisitsOut = new("scholar_visits_out", "scholar visits abroad", Persons, Sum,
        "new visits of the country's academic staff abroad in the year");

    public static readonly Metric ScholarVisitsIn = new("scholar_visits_in", "scholar visits hosted", Persons, Sum,
        "new visits of foreign academic staff hosted in the country in the year");

    public static readonly Metric HumanCapital = new("human_capital", "human capital", SkillPersons, Mean,
        "total skill of resident graduates (domestic alumni and mobile alumni living in the country, foreign stayers included), cumulative since the first spin-up year");

    public static readonly Metric IntlHumanCapital = new("intl_human_capital", "internationally trained human capital", SkillPersons, Mean,
        "the part of human capital held by mobile alumni (graduates who studied abroad, or foreign graduates who stayed)");

    public static readonly Metric Returnees = new("returnees", "returnees", Persons, Sum,
        "the country's graduates abroad who came home in the year");

    public static readonly Metric BrainDrain = new("brain_drain", "brain drain", Persons, Sum,
        "the country's graduates abroad who stayed abroad in the year");

    public static readonly Metric BrainGain = new("brain_gain", "brain gain", Persons, Sum,
        "foreign graduates who stayed in the country in the year");

    public static readonly Metric ReturnRate = new("return_rate", "return rate", Share, Mean,
        "returnees / (returnees + brain drain) in the year (0 if none)");

    public static readonly Metric ExportRevenueUsd = new("export_revenue_usd", "education-export revenue", Usd, Sum,
        "sum over foreign students in the country of their exposure times (tuition if a degree student + living cost)");

    public static readonly Metric BestRank = new("best_rank", "best rank", Rank, Mean,
        "best estimated world rank of the country's own active, non-aggregate universities (branch campuses excluded) (0 if none)");

    public static readonly Metric UniversitiesTop500 = new("universities_top500", "universities in the top 500", Count, Mean,
        "number of the country's own active, non-aggregate universities (branch campuses excluded) ranked 500 or better");

    public static readonly Metric UniversitiesTop1000 = new("universities_top1000", "universities in the top 1000", Count, Mean,
        "number of the country's own active, non-aggregate universities (branch campuses excluded) ranked 1000 or better");

    public static readonly Metric SoftPowerScore = new("soft_power_score", "soft power score", Score, Mean,
        "weighted mean of regional image, global image, a rank component, inbound students and export revenue (weights in softPower; docs/ODD.md section 9)");

    public static readonly Metric DomesticStudents = new("domestic_students", "domestic students", Persons, Mean,
        "the country's students at home (measured before the year's dropouts and graduations)");

    public static readonly Metric Graduates = new("graduates", "graduates", Persons, Sum,
        "the country's students completing a programme in the year (those who continue included)");

    public static readonly Metric Dropouts = new("dropouts", "dropouts", Persons, Sum,
        "the country's students dropping out in the year");

    public static readonly Metric InvestmentCostUsd = new("investment_cost_usd", "quality-investment cost", Usd, Sum,
        "cost in the year of the country's active quality-investment programmes");

    public static readonly Metric NetBrainGain = new("net_brain_gain", "net brain gain", Persons, Sum,
        "brain gain minus brain drain of the same country and year: foreign graduates who stayed in the country minus the country's graduates who stayed abroad (computed by compare)")
    {
        Derivation = new([BrainGain, BrainDrain], v => v[0] - v[1]),
    };

    /// <summary>Every metric: the engine's in the order it emits them, then the derived ones.</summary>
    public static readonly IReadOnlyList<Metric> All =
    [
        RegionalImage, GlobalImage, InboundStudents, OutboundStudents, IntraRegionalShare, DegreeOutflow, DegreeInflow,
        CreditOutflow, ScholarVisitsOut, ScholarVisitsIn, HumanCapital, IntlHumanCapital, Returnees, BrainDrain,
        BrainGain, ReturnRate, ExportRevenueUsd, BestRank, UniversitiesTop500, UniversitiesTop1000, SoftPowerScore,
        DomesticStudents, Graduates, Dropouts, InvestmentCostUsd,
        NetBrainGain,
    ];

    /// <summary>The metrics the engine measures (metrics.parquet of a run, and what sweeps keep).</summary>
    public static readonly IReadOnlyList<Metric> Measured = All.Where(m => !m.IsDerived).ToArray();

    /// <summary>The metrics a comparison computes from the measured ones after each run.</summary>
    public static readonly IReadOnlyList<Metric> Derived = All.Where(m => m.IsDerived).ToArray();

    /// <summary>The indicators of the report's time-series and effect charts, in reading order.</summary>
    public static readonly IReadOnlyList<Metric> Charted =
        [RegionalImage, InboundStudents, IntraRegionalShare, IntlHumanCapital, NetBrainGain, ExportRevenueUsd];

    /// <summary>
    /// The headline indicators: those the executive summary, the console and the report's effects table pick effects
    /// from (the charted ones and the soft power score).
    /// </summary>
    public static readonly IReadOnlyList<Metric> Headline = [.. Charted, SoftPowerScore];

    private static readonly Dictionary<string, Metric> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The record of a metric name, or null if there is none.</summary>
    public static Metric? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The record of a metric name; a name without a record is a bug of the caller (nothing is silently assumed).</summary>
    public static Metric Get(string name)
        => Find(name) ?? throw new KeyNotFoundException($"metric '{name}' has no record in {nameof(MetricCatalogue)}");
}
