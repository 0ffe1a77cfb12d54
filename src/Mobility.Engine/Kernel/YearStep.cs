namespace Mobility.Engine.Kernel;

using Mobility.Engine.Choice;
using Mobility.Engine.Measurement;
using Mobility.Engine.Phases;
using Mobility.Engine.State;
using Mobility.Model.Agents;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// One academic year as an ordered list of named phases (<see cref="Phases"/>), and the run's state they step. Builds
/// the state, the choice tables, the application pool and the phases once, so that stepping a year allocates nothing
/// per agent. <see cref="Simulation"/> runs the years; the benchmarks and tests step the phases one by one.
/// </summary>
internal sealed class YearStep
{
    private readonly YearPhase[] phases;
    private readonly AdmissionRound admission;
    private readonly PhaseTimer timer;

    public YearStep(WorldData world, ScenarioSettings settings, int threads, Dictionary<string, double> phaseSeconds)
    {
        var s = State = new SimulationState(world, settings, threads);
        var tables = new ChoiceTables(s);
        var pool = Applications = new ApplicationPool(settings.Choice.MaxChoices);
        var decisions = Decisions = new MobilityDecisions(s, tables, pool);
        var degree = new DegreeMobility(s, tables, pool, decisions);
        var credit = new CreditMobility(s, tables, pool);
        admission = new AdmissionRound(s, pool);
        var graduation = new GraduationAndReturn(s);
        var study = new Study(s, graduation);
        var scholars = new ScholarVisits(s, tables);
        var rankings = new RankingUpdate(s);
        Collector = new MetricsCollector(s);
        timer = new PhaseTimer(phaseSeconds);

        // The order of docs/ODD.md section 3: each phase reads what the ones before it wrote this year, and rankings
        // and image come last because next year's tables read them. The names are the manifest's timer keys.
        phases =
        [
            new("policies", () => PolicyApplication.Apply(s)),
            new("derived", tables.Rebuild),
            new("entry", () => Entry.Run(s, tables, decisions)),
            new("degree_mobility", degree.Run),
            new("credit_mobility", credit.Run),
            new("admission", admission.Run),
            new("study", study.Run),
            new("graduation", graduation.Run),
            new("scholars", scholars.Run),
            new("rankings", rankings.Run),
            new("image", () => ImageUpdate.Run(s)),
            new("measure", Measure),
        ];
    }

    public SimulationState State { get; }

    /// <summary>This year's applications (filled by degree and credit mobility, read by admission).</summary>
    public ApplicationPool Applications { get; }

    public MetricsCollector Collector { get; }

    /// <summary>The year's degree and credit decisions (steps 4 and 5), for the tests of their word bounds.</summary>
    internal MobilityDecisions Decisions { get; }

    /// <summary>The phases in the order a year runs them.</summary>
    public IReadOnlyList<YearPhase> Phases => phases;

    /// <summary>First year whose records are collected (the start year unless spin-up years are reported too).</summary>
    public int ReportFrom { get; init; } = int.MaxValue;

    /// <summary>Seats left per university after this year's degree admission (agents).</summary>
    public int[] SeatsLeft => admission.SeatsLeft;

    /// <summary>Steps one year: <see cref="Begin"/>, then every phase in order, each timed.</summary>
    public void Run(int year)
    {
        Begin(year);
        foreach (var phase in phases)
        {
            timer.Run(phase);
        }
    }

    /// <summary>Starts a year; then <see cref="RunPhase"/> for every index of <see cref="Phases"/> in order (the benchmarks time them one by one).</summary>
    public void Begin(int year)
    {
        State.Year = year;
        State.Measure.Reset();
    }

    public void RunPhase(int phase) => phases[phase].Run();

    /// <summary>The index of the phase named <paramref name="name"/> in <see cref="Phases"/>, or -1.</summary>
    public int IndexOf(string name) => Array.FindIndex(phases, p => p.Name == name);

    /// <summary>The year's records (reported years only); then this year's stocks become last year's, which the network terms read.</summary>
    private void Measure()
    {
        var s = State;
        if (!s.IsSpinUp || s.Year >= ReportFrom)
        {
            Collector.Collect();
        }

        Array.Copy(s.Measure.Stocks, s.PreviousStocks, s.Measure.Stocks.Length);
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
