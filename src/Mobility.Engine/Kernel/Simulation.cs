namespace Mobility.Engine.Kernel;

using System.Diagnostics;
using Mobility.Engine.Measurement;
using Mobility.Engine.State;
using Mobility.Model.Agents;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// One run of the model: builds the initial state, steps every academic year (spin-up years first, unreported),
/// and returns what it measured.
/// </summary>
public sealed class Simulation
{
    private readonly WorldData world;
    private readonly ScenarioSettings settings;
    private readonly SimulationOptions options;

    public Simulation(WorldData world, ScenarioSettings settings, SimulationOptions? options = null)
    {
        this.world = world;
        this.options = options ?? new SimulationOptions();
        this.settings = this.options.Seed is ulong seed ? settings.WithSeed(seed) : settings;
    }

    public RunResult Run(IProgress<YearProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var statistics = new RunStatistics();
        var step = new YearStep(world, settings, options.Threads, statistics.PhaseSeconds)
        {
            ReportFrom = Math.Min(options.ReportFrom ?? int.MaxValue, settings.Scenario.StartYear),
        };
        var state = step.State;
        var ledger = new List<PopulationLedger>();
        statistics.InitSeconds = clock.Elapsed.TotalSeconds;

        int first = state.FirstYear;
        int last = settings.Scenario.EndYear;
        int total = last - first + 1;
        clock.Restart();
        for (int year = first; year <= last; year++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            step.Run(year);
            long active = state.Students.Count + (long)state.Scholars.Count;
            statistics.AgentYears += active;
            statistics.AlumniYears += state.MobileAlumni + (long)state.DomesticAlumni.Sum();
            statistics.PeakAgents = Math.Max(statistics.PeakAgents, active);
            statistics.PeakStudents = Math.Max(statistics.PeakStudents, state.Students.Count);
            ledger.Add(step.Ledger());
            progress?.Report(new YearProgress(year, year - first + 1, total, state.IsSpinUp, active));
        }

        statistics.SimulateSeconds = clock.Elapsed.TotalSeconds;
        statistics.YearsSimulated = total;
        statistics.StateBytes = step.StateBytes();
        statistics.ActiveStateBytes = (statistics.PeakStudents * StudentPopulation.BytesPerStudent)
            + ((long)state.Scholars.Count * YearStep.BytesPerScholar);
        var collector = step.Collector;
        return new RunResult
        {
            Metrics = collector.Metrics,
            Flows = collector.Flows,
            Stocks = collector.Stocks,
            ScholarshipHolders = collector.ScholarshipHolders,
            Universities = collector.Universities,
            Statistics = statistics,
            Ledger = ledger,
        };
    }
}
