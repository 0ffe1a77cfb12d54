namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Globalization;
using Mobility.Experiments.Sensitivity;
using Mobility.Experiments.Sweeps;
using Mobility.Input;
using Mobility.Output.Files;
using Mobility.Output.Sweeps;
using Mobility.Reports.Charts;
using Mobility.Reports.Sensitivity;
using Spectre.Console;

/// <summary>
/// <c>mobility sensitivity DIR --metric NAME [--country C] [--year Y]</c>: Sobol indices (sobol designs) or Morris
/// measures (morris designs) of one output of a merged sweep, as a table, DIR/sensitivity.csv and DIR/sensitivity.png.
/// </summary>
internal static class SensitivityVerb
{
    public static Command Create(CliContext context)
    {
        var folderArgument = new Argument<string>("dir") { Description = "A merged sweep folder (results.parquet) planned with method sobol or morris." };
        var metric = new Option<string>("--metric") { Description = "The metric, e.g. regional_image.", Required = true };
        var country = new Option<string?>("--country") { Description = "The country (needed when the sweep kept several)." };
        var year = new Option<int?>("--year") { Description = "The year (default: the last year kept)." };
        var resamples = new Option<int>("--bootstrap")
        {
            Description = "Bootstrap resamples for the 95% intervals.",
            DefaultValueFactory = _ => SobolEstimator.DefaultResamples,
        };
        var command = new Command("sensitivity", "Sobol first-order and total indices (Saltelli 2010 / Jansen estimators) or Morris mu* and sigma of one output, "
            + "averaged over replications, with bootstrap 95% intervals; writes DIR/sensitivity.csv and DIR/sensitivity.png.")
        {
            folderArgument, metric, country, year, resamples,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, async () =>
        {
            int bootstrap = parseResult.GetValue(resamples);
            if (bootstrap < 100)
            {
                throw new InputException($"--bootstrap must be >= 100 (was {bootstrap})");
            }

            var folder = new SweepFolder(parseResult.GetValue(folderArgument)!);
            var (_, plan) = await SweepPlanFiles.ReadAsync(folder, cancellationToken).ConfigureAwait(false);
            AtomicFile.RequireWritable(folder.SensitivityCsv);
            if (plan.Design.Method is not (SamplingMethod.Sobol or SamplingMethod.Morris))
            {
                throw new InputException($"{PathDisplay.Of(folder.DesignJson)}: method is {plan.Design.Method.ToString().ToLowerInvariant()}; sensitivity indices need a sobol or morris design");
            }

            string name = parseResult.GetValue(metric)!;
            var (values, c, y) = await SweepResultsReader.ReadAsync(folder, plan, name, parseResult.GetValue(country), parseResult.GetValue(year), cancellationToken)
                .ConfigureAwait(false);
            SensitivityResult result = SweepSensitivity.Analyse(plan, values, bootstrap, plan.Design.Seed);
            await SensitivityCsv.WriteAsync(folder.SensitivityCsv, plan.Design, result, name, c, y, cancellationToken).ConfigureAwait(false);
            string title = string.Create(CultureInfo.InvariantCulture, $"{name}, {c}, {y}: {(result.Method == SamplingMethod.Sobol ? "Sobol indices" : "Morris screening")} ({result.Runs:N0} runs)");
            ChartImage chart = SensitivityChart.Render(result, title);
            await AtomicFile.WriteAllBytesAsync(folder.SensitivityPng, chart.Png, cancellationToken).ConfigureAwait(false);

            Print(context, result, title);
            if (result.Sobol.Any(s => double.IsNaN(s.First)))
            {
                context.Error.WriteLine($"warning: {name} of {c} in {y} does not vary across the runs, so its indices are undefined");
            }

            if (result.ReplicateNoiseShare is double noise)
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"replicate noise: {noise:P0} of the variance of the runs is between replicates of the same point"));
                if (noise > 0.2)
                {
                    context.Error.WriteLine("warning: run-to-run noise is a large part of this output's variance; the indices partly describe noise "
                        + "(use more replications, a finer scale or wider ranges)");
                }
            }

            context.Output.WriteLine($"wrote {PathDisplay.Of(folder.SensitivityCsv)} and {PathDisplay.Of(folder.SensitivityPng)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(CliContext context, SensitivityResult result, string title)
    {
        static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("0.000", CultureInfo.InvariantCulture);
        static string I(double low, double high) => Markup.Escape($"[{F(low)}, {F(high)}]");
        var table = new Table().Title(Markup.Escape(title)).RoundedBorder();
        if (result.Method == SamplingMethod.Sobol)
        {
            table.AddColumn("parameter").AddColumn(new TableColumn("S1").RightAligned()).AddColumn("95% interval")
                .AddColumn(new TableColumn("ST").RightAligned()).AddColumn("95% interval");
            foreach (SobolIndex s in result.Sobol.OrderByDescending(s => s.Total))
            {
                table.AddRow(Markup.Escape(s.Parameter), F(s.First), I(s.FirstLow, s.FirstHigh), F(s.Total), I(s.TotalLow, s.TotalHigh));
            }
        }
        else
        {
            table.AddColumn("parameter").AddColumn(new TableColumn("mu*").RightAligned()).AddColumn("95% interval")
                .AddColumn(new TableColumn("mu").RightAligned()).AddColumn(new TableColumn("sigma").RightAligned());
            foreach (MorrisIndex m in result.Morris.OrderByDescending(m => m.MuStar))
            {
                table.AddRow(Markup.Escape(m.Parameter), F(m.MuStar), I(m.MuStarLow, m.MuStarHigh), F(m.Mu), F(m.Sigma));
            }
        }

        context.Console.Write(table);
    }
}
