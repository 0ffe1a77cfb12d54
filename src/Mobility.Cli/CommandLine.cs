namespace Mobility.Cli;

using System.CommandLine;
using Mobility.Cli.Verbs;
using Mobility.IO;

/// <summary>Builds the command tree and turns failures into exit codes and messages (never stack traces).</summary>
public static class CommandLine
{
    public const string About =
        "Simulates academic mobility in Central Asia as an agent-based model: students and scholars of Kazakhstan, "
        + "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan choose where to study, move, graduate and return, year by "
        + "year, while universities' rankings and countries' images respond. A scenario (a JSON file, optionally layered "
        + "over a base scenario, plus MOBILITY_* environment variables and --set overrides) sets the coefficients and the "
        + "policy timeline. 'compare' runs scenarios with paired replications and writes a report with confidence "
        + "intervals; 'run' writes one run's yearly measurements as Parquet; 'sweep', 'merge' and 'sensitivity' explore "
        + "parameters (on a laptop or a Slurm cluster); 'fit' and 'calibrate' confront the model with observed counts and 'posterior' gives the "
        + "coefficients' uncertainty; "
        + "'survey' estimates preferences from a student survey; 'validate' checks a scenario without running.";

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(About);
        root.Subcommands.Add(CompareVerb.Create(context));
        root.Subcommands.Add(RunVerb.Create(context));
        root.Subcommands.Add(ValidateVerb.Create(context));
        root.Subcommands.Add(SweepVerb.Create(context));
        root.Subcommands.Add(MergeVerb.Create(context));
        root.Subcommands.Add(SensitivityVerb.Create(context));
        root.Subcommands.Add(FitVerb.Create(context));
        root.Subcommands.Add(CalibrateVerb.Create(context));
        root.Subcommands.Add(PosteriorVerb.Create(context));
        root.Subcommands.Add(SurveyVerb.Create(context));
        root.Subcommands.Add(BenchVerb.Create(context));
        return root;
    }

    public static int Invoke(string[] args, CliContext context)
    {
        try
        {
            RootCommand root = Build(context);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors)
                {
                    context.Error.WriteLine("error: " + parseError.Message);
                }

                context.Error.WriteLine("Run 'mobility --help' for usage.");
                return ExitCodes.BadInput;
            }

            // InvokeAsync (not Invoke) installs the SIGINT/SIGTERM handlers that cancel the verb's token, so that an
            // interrupted run stops at the next year, removes its temporary output folder and exits with 130.
            var configuration = new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
            };
            return parsed.InvokeAsync(configuration, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            return Fail(context, ex);
        }
    }

    /// <summary>Runs a verb's body, mapping exceptions to exit codes.</summary>
    public static async Task<int> Guard(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Fail(context, ex);
        }
    }

    private static int Fail(CliContext context, Exception ex)
    {
        switch (ex)
        {
            case InputException input:
                foreach (string problem in input.Problems)
                {
                    context.Error.WriteLine("error: " + problem);
                }

                return ExitCodes.BadInput;
            case OperationCanceledException:
                context.Error.WriteLine("cancelled: no output was written");
                return ExitCodes.Cancelled;
            default:
                string firstLine = ex.Message.Split('\n', 2)[0].TrimEnd();
                string where = ex.TargetSite is { } site ? $" (in {site.DeclaringType?.FullName}.{site.Name})" : "";
                context.Error.WriteLine($"internal error: {ex.GetType().Name}: {firstLine}{where}; this is a bug, please report it");
                return ExitCodes.InternalError;
        }
    }
}
