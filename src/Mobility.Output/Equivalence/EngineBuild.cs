namespace Mobility.Output.Equivalence;

using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using Mobility.Input;

/// <summary>
/// The engine of another commit, built in a temporary folder: the commit's files are exported with <c>git archive</c>
/// (the repository, its branches and worktrees are left untouched), then <c>src/Mobility.Cli</c> is built in Release.
/// Disposing deletes the folder.
/// </summary>
public sealed class EngineBuild : IDisposable
{
    /// <summary>The program's project inside a source tree.</summary>
    public const string CliProject = "src/Mobility.Cli/Mobility.Cli.csproj";

    private EngineBuild(string gitRef, string commit, string folder)
    {
        GitRef = gitRef;
        Commit = commit;
        Folder = folder;
    }

    /// <summary>The reference as given (a branch, a tag, HEAD~3, a hash).</summary>
    public string GitRef { get; }

    /// <summary>The full hash it resolved to.</summary>
    public string Commit { get; }

    /// <summary>The temporary folder: the exported tree in <see cref="SourceRoot"/>, the built program in <c>bin</c>.</summary>
    public string Folder { get; }

    /// <summary>Where the commit's files were exported: its scenarios are at <c>scenarios/</c> under it.</summary>
    public string SourceRoot => Path.Combine(Folder, "tree");

    /// <summary>The built program.</summary>
    public string CliPath => Path.Combine(Folder, "bin", "mobility.dll");

    /// <summary>The top folder of the git repository holding <paramref name="folder"/>.</summary>
    public static async Task<string> RepositoryRootAsync(string folder, CancellationToken cancellationToken)
    {
        var (code, output) = await GitAsync(folder, ["rev-parse", "--show-toplevel"], cancellationToken).ConfigureAwait(false);
        string? root = Lines(output).FirstOrDefault(Directory.Exists);
        if (code != 0 || root is null)
        {
            throw new InputException($"'{PathDisplay.Of(folder)}' is not inside a git repository, so OLD_GIT_REF cannot be built "
                + $"(git said: {ChildProcess.Tail(output, 2)}); give an already built old engine with --old-cli instead");
        }

        return root;
    }

    /// <summary>
    /// Exports and builds <paramref name="gitRef"/> of the repository at <paramref name="repository"/>; the build's
    /// output goes to <paramref name="logPath"/>. Bad input (exit code 2) when the reference names no commit or the
    /// commit does not build.
    /// </summary>
    public static async Task<EngineBuild> CreateAsync(string repository, string gitRef, string logPath, CancellationToken cancellationToken)
    {
        var (code, output) = await GitAsync(repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", gitRef + "^{commit}"], cancellationToken)
            .ConfigureAwait(false);
        string? commit = Lines(output).FirstOrDefault(l => l.Length >= 40 && l.All(char.IsAsciiHexDigitLower));
        if (code != 0 || commit is null)
        {
            throw new InputException($"OLD_GIT_REF '{gitRef}' names no commit of the repository at {PathDisplay.Of(repository)} "
                + "(expected a branch, a tag, a commit hash or an expression such as HEAD~1; see 'git log --oneline')");
        }

        string folder = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"mobility-equivalence-{commit[..12]}-{Environment.ProcessId}"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var build = new EngineBuild(gitRef, commit, folder);
        try
        {
            Directory.CreateDirectory(build.SourceRoot);
            await ExportAsync(repository, commit, build.SourceRoot, cancellationToken).ConfigureAwait(false);
            if (!File.Exists(Path.Combine(build.SourceRoot, CliProject)))
            {
                throw new InputException($"commit {commit[..12]} ('{gitRef}') has no {CliProject}: it is not a version of this engine");
            }

            var outcome = await ChildProcess.RunAsync(
                ChildProcess.DotnetHost(),
                ["build", CliProject, "-c", "Release", "-o", Path.Combine(folder, "bin"), "--nologo", "-v", "quiet", "--disable-build-servers"],
                build.SourceRoot,
                logPath,
                cancellationToken).ConfigureAwait(false);
            if (outcome.ExitCode != 0 || !File.Exists(build.CliPath))
            {
                string errors = string.Join("\n  ", outcome.Output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                    .Select(l => l.Trim()).Distinct().Take(8));
                throw new InputException($"commit {commit[..12]} ('{gitRef}') does not build (dotnet build exit code {outcome.ExitCode}):\n  "
                    + (errors.Length > 0 ? errors : ChildProcess.Tail(outcome.Output)));
            }

            return build;
        }
        catch
        {
            build.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is not worth failing a finished check for; the system cleans its temp space.
        }
    }

    /// <summary><c>git archive --format=tar COMMIT</c>, unpacked as it streams.</summary>
    private static async Task ExportAsync(string repository, string commit, string destination, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "archive", "--format=tar", commit })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start git");
        Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await TarFile.ExtractToDirectoryAsync(process.StandardOutput.BaseStream, destination, overwriteFiles: false, cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InputException($"git archive of commit {commit[..12]} failed: {(await errors.ConfigureAwait(false)).Trim()}");
        }
    }

    /// <summary>git's output is standard output and error together: the line wanted is picked out by its form.</summary>
    private static IEnumerable<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(int Code, string Output)> GitAsync(string folder, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await ChildProcess.RunAsync("git", arguments, folder, null, cancellationToken).ConfigureAwait(false);
            return (outcome.ExitCode, outcome.Output);
        }
        catch (FileNotFoundException ex)
        {
            throw new InputException($"git is needed to build OLD_GIT_REF but could not be started ({ex.Message}); give an already built old engine with --old-cli instead");
        }
    }
}
