namespace Mobility.Output.Equivalence;

using System.Globalization;
using Mobility.Input;
using Mobility.Output.Comparison;

/// <summary>
/// One engine's own <c>mobility compare</c>, run as a child process (<c>dotnet ENGINE/mobility.dll compare ...</c>):
/// each engine runs its own code from scenario loading to runs.parquet, and the same seed derivation gives both engines
/// the same replication seeds.
/// </summary>
/// <param name="Who">"old" or "new", for messages.</param>
/// <param name="CliPath">The engine's mobility.dll.</param>
/// <param name="WorkingDirectory">Where the engine runs (scenario paths are absolute, so this matters only for its own relative paths).</param>
public sealed record EngineComparisonRun(string Who, string CliPath, string WorkingDirectory)
{
    /// <summary>
    /// An engine given as its mobility.dll or as the folder holding it; bad input when there is none.
    /// </summary>
    public static string ResolveCli(string fileOrFolder, string option)
    {
        string path = Directory.Exists(fileOrFolder) ? Path.Combine(fileOrFolder, "mobility.dll") : fileOrFolder;
        if (!File.Exists(path) || !path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"{option} '{fileOrFolder}': no mobility.dll there (expected the built program, e.g. "
                + "OLD_TREE/src/Mobility.Cli/bin/Release/net10.0/mobility.dll, or its folder)");
        }

        return Path.GetFullPath(path);
    }

    /// <summary>
    /// Runs <c>compare</c> on <paramref name="scenarioFiles"/> (the first is the reference) into
    /// <paramref name="outFolder"/>, its console output into <paramref name="logPath"/>; returns the runs.parquet path.
    /// A failing engine is bad input (exit code 2): the message carries the end of its output.
    /// </summary>
    public async Task<string> RunAsync(
        IReadOnlyList<string> scenarioFiles,
        int replications,
        ulong seed,
        double scale,
        int threads,
        IReadOnlyList<string> sets,
        string outFolder,
        string logPath,
        CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var arguments = new List<string> { CliPath, "compare" };
        arguments.AddRange(scenarioFiles);
        arguments.AddRange([
            "--replications", replications.ToString(c),
            "--seed", seed.ToString(c),
            "--scale", scale.ToString("R", c),
            "--threads", threads.ToString(c),
            "--out", outFolder,
        ]);
        foreach (string set in sets)
        {
            arguments.AddRange(["--set", set]);
        }

        ChildProcess.Outcome outcome;
        try
        {
            outcome = await ChildProcess.RunAsync(ChildProcess.DotnetHost(), arguments, WorkingDirectory, logPath, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException ex)
        {
            throw new InputException($"the {Who} engine could not be started: {ex.Message}");
        }

        string runs = Path.Combine(outFolder, ComparisonOutput.RunsFile);
        if (outcome.ExitCode != 0 || !File.Exists(runs))
        {
            string why = outcome.ExitCode == 2 ? "refused the inputs" : "failed";
            throw new InputException($"the {Who} engine ({PathDisplay.Of(CliPath)}) {why} in 'compare' (exit code {outcome.ExitCode}); "
                + $"the end of its output:\n  {ChildProcess.Tail(outcome.Output)}");
        }

        return runs;
    }
}
