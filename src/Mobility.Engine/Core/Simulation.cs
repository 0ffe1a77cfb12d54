namespace Mobility.Engine.Core;

using System.Diagnostics;
using Mobility.Engine.Measurement;
using Mobility.Engine.Phases;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// One run of the model: builds the initial state, steps every academic year in the order of MODEL.md section 3
/// (spin-up years first, unreported), and returns what it measured.
/// </summary>
public sealed class Simulation
{
    private readonly WorldData world;
    private readonly ScenarioSettings settings;
    private readonly SimulationOptions options;

    public Simulation(WorldData world, ScenarioSettings settings, SimulationOptions? options = null)
    {
        this.world = world;
        this.settings = settings;
        this.options = options ?? new SimulationOptions();
    }

    public RunResult Run(IProgress<YearProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var statistics = new RunStatistics();
        var state = new SimulationState(world, settings, options.Threads);
        var pool = new ApplicationPool(settings.Choice.MaxChoices);
        var degree = new DegreeMobility(state, pool);
        var credit = new CreditMobility(state, pool);
        var admission = new AdmissionRound(state, pool);
        var study = new Study(state);
        var graduation = new GraduationAndReturn(state);
        var scholars = new ScholarVisits(state);
        var rankings = new RankingUpdate(state);
        var collector = new MetricsCollector(state);
        var ledger = new List<PopulationLedger>();
        statistics.InitSeconds = clock.Elapsed.TotalSeconds;

        int first = state.FirstYear;
        int last = settings.Scenario.EndYear;
        int total = last - first + 1;
        var phase = new PhaseTimer(statistics.PhaseSeconds);
        clock.Restart();
        for (int year = first; year <= last; year++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.Year = year;
            state.Measure.Reset();
            phase.Time("policies", () => PolicyApplication.Apply(state));
            phase.Time("derived", () => state.Tables.Rebuild());
            phase.Time("entry", () => Entry.Run(state));
            phase.Time("degree_mobility", degree.Run);
            phase.Time("credit_mobility", credit.Run);
            phase.Time("admission", admission.Run);
            phase.Time("study", study.Run);
            phase.Time("graduation", graduation.Run);
            phase.Time("scholars", scholars.Run);
            phase.Time("rankings", rankings.Run);
            phase.Time("image", () => ImageUpdate.Run(state));
            phase.Time("measure", () =>
            {
                if (!state.IsSpinUp)
                {
                    collector.Collect();
                }

                RememberStocks(state);
            });

            long active = state.Students.Count + (long)state.Scholars.Count;
            statistics.AgentYears += active;
            statistics.AlumniYears += state.Alumni.Count + (long)state.DomesticAlumni.Sum();
            statistics.PeakAgents = Math.Max(statistics.PeakAgents, active);
            ledger.Add(new PopulationLedger(
                year,
                state.AgentsEntered,
                state.Students.Count,
                state.Alumni.Count,
                (long)state.DomesticAlumni.Sum(),
                (long)state.Dropped.Sum(),
                state.Scholars.Count));
            progress?.Report(new YearProgress(year, year - first + 1, total, state.IsSpinUp, active));
        }

        statistics.SimulateSeconds = clock.Elapsed.TotalSeconds;
        statistics.YearsSimulated = total;
        return new RunResult
        {
            Metrics = collector.Metrics,
            Flows = collector.Flows,
            Stocks = collector.Stocks,
            Universities = collector.Universities,
            Statistics = statistics,
            Ledger = ledger,
        };
    }

    private static void RememberStocks(SimulationState s)
    {
        int c = s.CountryCount;
        for (int o = 0; o < c; o++)
        {
            double all = s.Measure.DomesticStudents[o];
            for (int h = 0; h < c; h++)
            {
                s.PreviousStocks[o, h] = s.Measure.Stocks[o, h];
                all += s.Measure.Stocks[o, h];
            }

            s.PreviousStudentsOf[o] = all;
        }
    }
}
