namespace Mobility.Engine.Kernel;

using Mobility.Engine.Measurement;
using Mobility.Engine.Phases;
using Mobility.Engine.State;
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
        graduation = new GraduationAndReturn(State);
        study = new Study(State, graduation);
        scholars = new ScholarVisits(State);
        rankings = new RankingUpdate(State);
        Collector = new MetricsCollector(State);
        timer = new PhaseTimer(phaseSeconds);
    }

    public SimulationState State { get; }

    public MetricsCollector Collector { get; }

    /// <summary>First year whose records are collected (the start year unless spin-up years are reported too).</summary>
    public int ReportFrom { get; init; } = int.MaxValue;

    /// <summary>Seats left per university after this year's degree admission (agents).</summary>
    public int[] SeatsLeft => admission.SeatsLeft;

    /// <summary>The names of the phases, in the order a year runs them (the keys of RunStatistics.PhaseSeconds).</summary>
    public static readonly string[] PhaseNames =
    [
        "policies", "derived", "entry", "degree_mobility", "credit_mobility", "admission", "study", "graduation",
        "scholars", "rankings", "image", "measure",
    ];

    public void Run(int year)
    {
        Begin(year);
        for (int p = 0; p < PhaseNames.Length; p++)
        {
            int phase = p;
            timer.Time(PhaseNames[p], () => RunPhase(phase));
        }
    }

    /// <summary>Starts a year; then <see cref="RunPhase"/> for every index of <see cref="PhaseNames"/> in order (the benchmarks time them one by one).</summary>
    public void Begin(int year)
    {
        State.Year = year;
        State.Measure.Reset();
    }

    public void RunPhase(int phase)
    {
        var s = State;
        switch (phase)
        {
            case 0:
                PolicyApplication.Apply(s);
                break;
            case 1:
                s.Tables.Rebuild();
                break;
            case 2:
                Entry.Run(s);
                break;
            case 3:
                degree.Run();
                break;
            case 4:
                credit.Run();
                break;
            case 5:
                admission.Run();
                break;
            case 6:
                study.Run();
                break;
            case 7:
                graduation.Run();
                break;
            case 8:
                scholars.Run();
                break;
            case 9:
                rankings.Run();
                break;
            case 10:
                ImageUpdate.Run(s);
                break;
            case 11:
                if (!s.IsSpinUp || s.Year >= ReportFrom)
                {
                    Collector.Collect();
                }

                Array.Copy(s.Measure.Stocks, s.PreviousStocks, s.Measure.Stocks.Length);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(phase), phase, "no such phase");
        }
    }

    /// <summary>Bytes per scholar: id, country, university, productivity, host, visit years, links, flags.</summary>
    public const int BytesPerScholar = 4 + 1 + 2 + 4 + 2 + 1 + 4 + 1;

    /// <summary>Bytes held by the per-agent arrays (allocated slots, not only those in use).</summary>
    public long StateBytes() =>
        ((long)State.Students.Id.Length * StudentPopulation.BytesPerStudent)
        + ((long)State.Scholars.Count * BytesPerScholar);

    public PopulationLedger Ledger() => new(
        State.Year,
        State.AgentsEntered,
        State.Students.Count,
        State.MobileAlumni,
        (long)State.DomesticAlumni.Sum(),
        (long)State.Dropped.Sum(),
        State.Scholars.Count);
}
