namespace Mobility.Cli.Console;

using System.Globalization;
using Mobility.Engine.Kernel;
using Mobility.Experiments.Runs;
using Spectre.Console;

/// <summary>
/// Runs work on a worker thread and shows its progress: nothing for the first ~2 seconds (short runs stay quiet),
/// then a Spectre progress bar (with elapsed and remaining time) on an ANSI terminal, or a plain line at most once a
/// second on a terminal without ANSI support. Nothing is shown when the output is not a terminal.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    /// <summary>One simulation, reported year by year.</summary>
    public static Task<T> RunAsync<T>(
        CliContext context, Func<IProgress<YearProgress>?, CancellationToken, T> run, CancellationToken cancellationToken)
        => RunAsync(context, run, Describe, cancellationToken);

    /// <summary>A batch of runs (replications, sweep shards, calibration), reported run by run.</summary>
    public static Task<T> RunAsync<T>(
        CliContext context, string label, Func<IProgress<BatchProgress>?, CancellationToken, T> run, CancellationToken cancellationToken)
        => RunAsync(context, run, p => Describe(label, p), cancellationToken);

    /// <summary>Any work that reports progress of type <typeparamref name="TProgress"/>, described by <paramref name="describe"/>.</summary>
    public static async Task<T> RunAsync<TProgress, T>(
        CliContext context,
        Func<IProgress<TProgress>?, CancellationToken, T> run,
        Func<TProgress, Step> describe,
        CancellationToken cancellationToken)
        where TProgress : struct
    {
        var latest = new LatestProgress<TProgress>();
        Task<T> work = Task.Factory.StartNew(
            () => run(latest, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!context.IsInteractive)
        {
            return await work.ConfigureAwait(false);
        }

        await Task.WhenAny(work, Task.Delay(QuietPeriod, CancellationToken.None)).ConfigureAwait(false);
        if (work.IsCompleted)
        {
            return await work.ConfigureAwait(false);
        }

        if (context.Console.Profile.Capabilities.Ansi && context.Console.Profile.Capabilities.Interactive)
        {
            await context.Console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    ProgressTask bar = progress.AddTask("starting", autoStart: true, maxValue: 1);
                    while (!work.IsCompleted)
                    {
                        Update(bar, latest.Value, describe);
                        await Task.WhenAny(work, Task.Delay(200, CancellationToken.None)).ConfigureAwait(false);
                    }

                    Update(bar, latest.Value, describe);
                    bar.StopTask();
                }).ConfigureAwait(false);
        }
        else
        {
            TProgress? shown = null;
            while (!work.IsCompleted)
            {
                TProgress? now = latest.Value;
                if (now is not null && !now.Equals(shown))
                {
                    context.Output.WriteLine(describe(now.Value).Description);
                    shown = now;
                }

                await Task.WhenAny(work, Task.Delay(1000, CancellationToken.None)).ConfigureAwait(false);
            }
        }

        return await work.ConfigureAwait(false);
    }

    /// <summary>What the bar shows: steps done out of the total, and a description.</summary>
    public readonly record struct Step(double Done, double Total, string Description);

    private static void Update<TProgress>(ProgressTask bar, TProgress? progress, Func<TProgress, Step> describe)
        where TProgress : struct
    {
        if (progress is not TProgress p)
        {
            return;
        }

        Step step = describe(p);
        bar.MaxValue = Math.Max(1, step.Total);
        bar.Value = step.Done;
        bar.Description = Markup.Escape(step.Description);
    }

    private static Step Describe(YearProgress p)
        => new(p.YearsDone, p.YearsTotal, string.Create(
            CultureInfo.InvariantCulture,
            $"{(p.IsSpinUp ? "spin-up " : "")}{p.Year} ({p.YearsDone}/{p.YearsTotal}), {p.ActiveAgents:N0} agents"));

    private static Step Describe(string label, BatchProgress p)
    {
        string rate = p.Elapsed.TotalSeconds > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {p.Completed / p.Elapsed.TotalSeconds:0.##} runs/s")
            : "";
        string remaining = p.Remaining is TimeSpan left
            ? string.Create(CultureInfo.InvariantCulture, $", ~{left:hh\\:mm\\:ss} left")
            : "";
        return new(p.Completed, p.Total, string.Create(CultureInfo.InvariantCulture, $"{label}: {p.Completed}/{p.Total} runs{rate}{remaining}"));
    }

    /// <summary>Keeps only the latest report, synchronously (no posting to a synchronization context).</summary>
    private sealed class LatestProgress<TProgress> : IProgress<TProgress>
        where TProgress : struct
    {
        private readonly Lock gate = new();
        private TProgress? value;

        public TProgress? Value
        {
            get
            {
                lock (gate)
                {
                    return value;
                }
            }
        }

        public void Report(TProgress progress)
        {
            lock (gate)
            {
                value = progress;
            }
        }
    }
}
