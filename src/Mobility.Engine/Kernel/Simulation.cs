namespace Mobility.Engine.Kernel;

using System.Diagnostics;
using Mobility.Engine.Measurement;
using Mobility.Engine.State;
using Mobility.Model.Agents;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// One run of the model: builds the initial state, steps every academic year (spin-up years first, unreported),
/// and returns what it measured. A run can stop at the end of a year and hand over its state
/// (<see cref="RunTo"/>, <see cref="SimulationOptions.CaptureYear"/>), and a run can start from such a state instead
/// of the first year (<see cref="Run(SimulationSnapshot, IProgress{YearProgress}, CancellationToken)"/>): both give
/// bit for bit the results of one run from the first year.
/// </summary>
public sealed class Simulation
{
    private readonly WorldData world;
    private readonly ScenarioSettings settings;
    private readonly SimulationOptions options;
    private string? settingsPart;
    private string? worldPart;

    public Simulation(WorldData world, ScenarioSettings settings, SimulationOptions? options = null)
    {
        this.world = world;
        this.options = options ?? new SimulationOptions();
        this.settings = this.options.Seed is ulong seed ? settings.WithSeed(seed) : settings;
    }

    /// <summary>First simulated year (the first spin-up year).</summary>
    public int FirstYear => settings.Scenario.StartYear - settings.Scenario.SpinUpYears;

    /// <summary>First year whose records are collected.</summary>
    private int ReportFrom => Math.Min(options.ReportFrom ?? int.MaxValue, settings.Scenario.StartYear);

    /// <summary>The key a snapshot of this run at the end of <paramref name="year"/> has (see <see cref="SnapshotKey"/>).</summary>
    public SnapshotKey KeyAt(int year)
    {
        settingsPart ??= SnapshotKey.SettingsPart(settings, ReportFrom);
        worldPart ??= SnapshotKey.WorldPart(options.WorldIdentity);
        return new SnapshotKey(SnapshotKey.CurrentFormat, SnapshotKey.EngineVersion, worldPart, settingsPart, SnapshotKey.PoliciesPart(world, settings, year), year);
    }

    public RunResult Run(IProgress<YearProgress>? progress = null, CancellationToken cancellationToken = default)
        => Execute(null, settings.Scenario.EndYear, false, progress, cancellationToken).Result;

    /// <summary>Continues from <paramref name="from"/>, a snapshot of this run (same key), to the last year.</summary>
    /// <exception cref="SnapshotMismatchException">The snapshot belongs to another scenario, world, seed or engine.</exception>
    public RunResult Run(SimulationSnapshot from, IProgress<YearProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        return Execute(from, settings.Scenario.EndYear, false, progress, cancellationToken).Result;
    }

    /// <summary>Runs from the first year (or from <paramref name="from"/>) to the end of <paramref name="year"/> and returns the state then.</summary>
    public SimulationSnapshot RunTo(int year, SimulationSnapshot? from = null, CancellationToken cancellationToken = default)
    {
        if (year < FirstYear || year > settings.Scenario.EndYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"a snapshot year must be within the simulated years {FirstYear}-{settings.Scenario.EndYear}");
        }

        if (from is not null && from.Year > year)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the snapshot given ends in {from.Year}, after {year}");
        }

        return Execute(from, year, true, null, cancellationToken).Snapshot!;
    }

    private (RunResult Result, SimulationSnapshot? Snapshot) Execute(
        SimulationSnapshot? from, int last, bool snapshotLast, IProgress<YearProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var statistics = new RunStatistics();
        var step = new YearStep(world, settings, options.Threads, statistics.PhaseSeconds) { ReportFrom = ReportFrom };
        var state = step.State;
        var ledger = new List<PopulationLedger>();
        int first = state.FirstYear;
        if (from is not null)
        {
            Restore(step, from, ledger, statistics);
            first = from.Year + 1;
        }

        statistics.InitSeconds = clock.Elapsed.TotalSeconds;
        SimulationSnapshot? snapshot = from is not null && from.Year == last ? from : null;
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
            if (year == options.CaptureYear || (snapshotLast && year == last))
            {
                var captured = Capture(step, ledger, statistics);
                snapshot = year == last ? captured : snapshot;
                if (year == options.CaptureYear)
                {
                    options.Captured?.Invoke(captured);
                }
            }
        }

        statistics.SimulateSeconds = clock.Elapsed.TotalSeconds;
        statistics.YearsSimulated = total;
        statistics.StateBytes = step.StateBytes();
        statistics.ActiveStateBytes = (statistics.PeakStudents * StudentPopulation.BytesPerStudent)
            + ((long)state.Scholars.Count * YearStep.BytesPerScholar);
        var collector = step.Collector;
        var result = new RunResult
        {
            Metrics = collector.Metrics,
            Flows = collector.Flows,
            Stocks = collector.Stocks,
            ScholarshipHolders = collector.ScholarshipHolders,
            Universities = collector.Universities,
            Statistics = statistics,
            Ledger = ledger,
        };
        return (result, snapshot);
    }

    private SimulationSnapshot Capture(YearStep step, List<PopulationLedger> ledger, RunStatistics statistics)
    {
        var columns = StateColumns.ForCapture();
        step.State.Exchange(columns);
        var collector = step.Collector;
        return new SimulationSnapshot
        {
            Key = KeyAt(step.State.Year),
            Columns = columns.Columns,
            Metrics = collector.Metrics.ToArray(),
            Flows = collector.Flows.ToArray(),
            Stocks = collector.Stocks.ToArray(),
            Universities = collector.Universities.ToArray(),
            Ledger = ledger.ToArray(),
            Counters = new SnapshotCounters(statistics.AgentYears, statistics.AlumniYears, statistics.PeakAgents, statistics.PeakStudents),
        };
    }

    private void Restore(YearStep step, SimulationSnapshot from, List<PopulationLedger> ledger, RunStatistics statistics)
    {
        var differences = from.Key.Differences(KeyAt(from.Year));
        if (differences.Count > 0)
        {
            throw new SnapshotMismatchException(from.Year, differences);
        }

        step.State.Exchange(StateColumns.ForRestore(from.Columns));
        var collector = step.Collector;
        collector.Metrics.AddRange(from.Metrics);
        collector.Flows.AddRange(from.Flows);
        collector.Stocks.AddRange(from.Stocks);
        collector.Universities.AddRange(from.Universities);
        ledger.AddRange(from.Ledger);
        (statistics.AgentYears, statistics.AlumniYears, statistics.PeakAgents, statistics.PeakStudents) =
            (from.Counters.AgentYears, from.Counters.AlumniYears, from.Counters.PeakAgents, from.Counters.PeakStudents);
    }
}
