namespace Mobility.Engine.Core;

using Mobility.Engine.Measurement;
using Mobility.Engine.Phases;
using Mobility.Model.Agents;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// One academic year, phase by phase, in the order of MODEL.md section 3. Holds the phases and their reusable
/// buffers so that stepping a year allocates nothing per agent.
/// </summary>
internal sealed class YearStep
{
    private readonly DegreeMobility degree;
    private readonly CreditMobility credit;
    private readonly AdmissionRound admission;
    private readonly Study study;
    private readonly GraduationAndReturn graduation;
    private readonly ScholarVisits scholars;
    private readonly RankingUpdate rankings;
    private readonly PhaseTimer timer;

    public YearStep(WorldData world, ScenarioSettings settings, int threads, Dictionary<string, double> phaseSeconds)
    {
        State = new SimulationState(world, settings, threads);
        var pool = new ApplicationPool(settings.Choice.MaxChoices);
        degree = new DegreeMobility(State, pool);
        credit = new CreditMobility(State, pool);
        admission = new AdmissionRound(State, pool);
        study = new Study(State);
        graduation = new GraduationAndReturn(State);
        scholars = new ScholarVisits(State);
        rankings = new RankingUpdate(State);
        Collector = new MetricsCollector(State);
        timer = new PhaseTimer(phaseSeconds);
    }

    public SimulationState State { get; }

    public MetricsCollector Collector { get; }

    /// <summary>Seats left per university after this year's degree admission (agents).</summary>
    public int[] SeatsLeft => admission.SeatsLeft;

    public void Run(int year)
    {
        var s = State;
        s.Year = year;
        s.Measure.Reset();
        timer.Time("policies", () => PolicyApplication.Apply(s));
        timer.Time("derived", s.Tables.Rebuild);
        timer.Time("entry", () => Entry.Run(s));
        timer.Time("degree_mobility", degree.Run);
        timer.Time("credit_mobility", credit.Run);
        timer.Time("admission", admission.Run);
        timer.Time("study", study.Run);
        timer.Time("graduation", graduation.Run);
        timer.Time("scholars", scholars.Run);
        timer.Time("rankings", rankings.Run);
        timer.Time("image", () => ImageUpdate.Run(s));
        timer.Time("measure", () =>
        {
            if (!s.IsSpinUp)
            {
                Collector.Collect();
            }

            Array.Copy(s.Measure.Stocks, s.PreviousStocks, s.Measure.Stocks.Length);
        });
    }

    /// <summary>Bytes per scholar: id, country, university, productivity, host, visit years, links, flags.</summary>
    public const int BytesPerScholar = 4 + 1 + 2 + 4 + 2 + 1 + 4 + 1;

    /// <summary>Bytes held by the per-agent arrays (allocated slots, not only those in use).</summary>
    public long StateBytes() =>
        ((long)State.Students.Id.Length * StudentPopulation.BytesPerStudent)
        + graduation.ScratchBytes
        + ((long)State.Scholars.Count * BytesPerScholar)
        + ((long)State.Alumni.Origin.Length * AlumniPopulation.BytesPerAlumnus);

    public PopulationLedger Ledger() => new(
        State.Year,
        State.AgentsEntered,
        State.Students.Count,
        State.Alumni.Count,
        (long)State.DomesticAlumni.Sum(),
        (long)State.Dropped.Sum(),
        State.Scholars.Count);
}
