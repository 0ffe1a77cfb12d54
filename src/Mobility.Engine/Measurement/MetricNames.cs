namespace Mobility.Engine.Measurement;

/// <summary>The names of the metrics in metrics.parquet; see the README for their definitions.</summary>
public static class MetricNames
{
    public const string RegionalImage = "regional_image";
    public const string GlobalImage = "global_image";
    public const string InboundStudents = "inbound_students";
    public const string OutboundStudents = "outbound_students";
    public const string IntraRegionalShare = "intra_regional_share";
    public const string DegreeOutflow = "degree_outflow";
    public const string CreditOutflow = "credit_outflow";
    public const string ScholarVisitsOut = "scholar_visits_out";
    public const string HumanCapital = "human_capital";
    public const string IntlHumanCapital = "intl_human_capital";
    public const string Returnees = "returnees";
    public const string BrainDrain = "brain_drain";
    public const string BrainGain = "brain_gain";
    public const string ReturnRate = "return_rate";
    public const string ExportRevenueUsd = "export_revenue_usd";
    public const string BestRank = "best_rank";
    public const string UniversitiesTop500 = "universities_top500";
    public const string UniversitiesTop1000 = "universities_top1000";
    public const string SoftPowerScore = "soft_power_score";
    public const string DomesticStudents = "domestic_students";
    public const string Graduates = "graduates";
    public const string Dropouts = "dropouts";
    public const string InvestmentCostUsd = "investment_cost_usd";
    public const string ScholarVisitsIn = "scholar_visits_in";
    public const string DegreeInflow = "degree_inflow";
}
