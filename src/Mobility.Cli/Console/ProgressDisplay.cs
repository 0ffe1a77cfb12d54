namespace Mobility.Cli.Console;

using System.Globalization;
using Mobility.Engine.Core;
using Spectre.Console;

/// <summary>
/// Runs the simulation on a worker thread and shows its progress: nothing for the first ~2 seconds (short runs stay
/// quiet), then a Spectre progress bar on an ANSI terminal, or a plain line at most once a second on a terminal
/// without ANSI support. Nothing is shown when the output is not a terminal.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    public static async Task<T> RunAsync<T>(
        CliContext context, Func<IProgress<YearProgress>?, CancellationToken, T> run, CancellationToken cancellationToken)
    {
        var latest = new LatestProgress();
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
                        Update(bar, latest.Value);
                        await Task.WhenAny(work, Task.Delay(200, CancellationToken.None)).ConfigureAwait(false);
                    }

                    Update(bar, latest.Value);
                    bar.StopTask();
                }).ConfigureAwait(false);
        }
        else
        {
            YearProgress? shown = null;
            while (!work.IsCompleted)
            {
                YearProgress? now = latest.Value;
                if (now is not null && now != shown)
                {
                    context.Output.WriteLine(Describe(now.Value));
                    shown = now;
                }

                await Task.WhenAny(work, Task.Delay(1000, CancellationToken.None)).ConfigureAwait(false);
            }
        }

        return await work.ConfigureAwait(false);
    }

    private static void Update(ProgressTask bar, YearProgress? progress)
    {
        if (progress is not YearProgress p)
        {
            return;
        }

        bar.MaxValue = Math.Max(1, p.YearsTotal);
        bar.Value = p.YearsDone;
        bar.Description = Markup.Escape(Describe(p));
    }

    private static string Describe(YearProgress p)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{(p.IsSpinUp ? "spin-up " : "")}{p.Year} ({p.YearsDone}/{p.YearsTotal}), {p.ActiveAgents:N0} agents");

    /// <summary>Keeps only the latest report, synchronously (no posting to a synchronization context).</summary>
    private sealed class LatestProgress : IProgress<YearProgress>
    {
        private readonly Lock gate = new();
        private YearProgress? value;

        public YearProgress? Value
        {
            get
            {
                lock (gate)
                {
                    return value;
                }
            }
        }

        public void Report(YearProgress progress)
        {
            lock (gate)
            {
                value = progress;
            }
        }
    }
}
