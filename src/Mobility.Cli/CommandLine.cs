namespace Mobility.Cli;

using System.CommandLine;
using System.Text.RegularExpressions;
using Mobility.Cli.Verbs;
using Mobility.Input;

/// <summary>Builds the command tree and turns failures into exit codes and messages (never stack traces).</summary>
public static partial class CommandLine
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
        root.Subcommands.Add(SbcVerb.Create(context));
        root.Subcommands.Add(SurveyVerb.Create(context));
        root.Subcommands.Add(BenchVerb.Create(context));
        root.Subcommands.Add(EquivalenceVerb.Create(context));
        root.Subcommands.Add(ServeVerb.Create(context));
        RefuseEmptyText(root);
        return root;
    }

    /// <summary>
    /// An empty text (<c>--out ""</c>, a scenario given as <c>""</c>) is refused at parsing for every option and argument
    /// of every verb: each of them names a file, a folder, a column or a metric, and none can be empty.
    /// </summary>
    private static void RefuseEmptyText(Command command)
    {
        static string? Empty(IEnumerable<string?> values, string name)
            => values.Any(string.IsNullOrWhiteSpace) ? $"{name} must not be empty" : null;

        foreach (Option option in command.Options)
        {
            switch (option)
            {
                case Option<string> text:
                    text.Validators.Add(r => AddError(r, Empty([r.GetValueOrDefault<string>()], option.Name)));
                    break;
                case Option<string[]> texts:
                    texts.Validators.Add(r => AddError(r, Empty(r.GetValueOrDefault<string[]>() ?? [], option.Name)));
                    break;
            }
        }

        foreach (Argument argument in command.Arguments)
        {
            switch (argument)
            {
                case Argument<string> text:
                    text.Validators.Add(r => AddError(r, Empty([r.GetValueOrDefault<string>()], $"the {argument.Name} argument")));
                    break;
                case Argument<string[]> texts:
                    texts.Validators.Add(r => AddError(r, Empty(r.GetValueOrDefault<string[]>() ?? [], $"the {argument.Name} argument")));
                    break;
            }
        }

        foreach (Command subcommand in command.Subcommands)
        {
            RefuseEmptyText(subcommand);
        }
    }

    private static void AddError(System.CommandLine.Parsing.SymbolResult result, string? error)
    {
        if (error is not null)
        {
            result.AddError(error);
        }
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
                    context.Error.WriteLine("error: " + InUserTerms(parseError.Message));
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

    /// <summary>
    /// The parser's "Cannot parse argument '-1' for option '--seed' as expected type 'System.Nullable`1[System.UInt64]'"
    /// in the words of the other messages: "--seed must be a whole number from 0 to 18446744073709551615 (was '-1')".
    /// </summary>
    internal static string InUserTerms(string message)
    {
        Match m = UnparsedValue().Match(message);
        if (!m.Success)
        {
            return message;
        }

        string type = m.Groups["type"].Value;
        string expected = NullableType().Match(type) is { Success: true } inner ? inner.Groups[1].Value : type;
        string what = expected switch
        {
            "System.UInt64" => "a whole number from 0 to " + ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            _ => "a value of another form",
        };
        return $"{m.Groups["name"].Value} must be {what} (was '{m.Groups["value"].Value}')";
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

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<name>[^']+)' as expected type '(?<type>[^']+)'\.?$")]
    private static partial Regex UnparsedValue();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableType();

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
