namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Globalization;
using Mobility.Experiments.Sweeps;
using Mobility.Input;
using Mobility.Output.Sweeps;

/// <summary><c>mobility merge DIR</c>: checks that every planned run is present exactly once, then writes DIR/results.parquet.</summary>
internal static class MergeVerb
{
    public static Command Create(CliContext context)
    {
        var folderArgument = new Argument<string>("dir") { Description = "The sweep folder whose shards have run." };
        var command = new Command("merge", "Check that every planned run of a sweep is present exactly once in DIR/shards (listing missing runs with the shard that owns them, and duplicates), then write DIR/results.parquet atomically.")
        {
            folderArgument,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, async () =>
        {
            var folder = new SweepFolder(parseResult.GetValue(folderArgument)!);
            var (_, plan) = await SweepPlanFiles.ReadAsync(folder, cancellationToken).ConfigureAwait(false);
            SweepMerge.Summary summary = await SweepMerge.MergeAsync(folder, plan, cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"all {summary.Runs:N0} planned runs present exactly once in {summary.Shards} shard file(s); wrote {summary.Rows:N0} rows to {PathDisplay.Of(summary.Path)}"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
