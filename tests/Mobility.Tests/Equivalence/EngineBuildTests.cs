namespace Mobility.Tests.Equivalence;

using System.Diagnostics;
using Mobility.Input;
using Mobility.Output.Equivalence;
using Mobility.Tests.IO;

/// <summary>
/// Building the old engine from a commit, on small throw-away repositories: a commit that builds gives a program and
/// leaves nothing behind; one that does not build, or is no version of this engine, is bad input naming why.
/// </summary>
public sealed class EngineBuildTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <AssemblyName>mobility</AssemblyName>
          </PropertyGroup>
        </Project>
        """;

    /// <summary>A git repository with one commit of the given files.</summary>
    private static string Repository(TempFolder temp, params (string Path, string Text)[] files)
    {
        string root = temp.File("repo");
        Directory.CreateDirectory(root);
        foreach (var (path, text) in files)
        {
            temp.Write(Path.Combine("repo", path), text);
        }

        Git(root, "init", "-q");
        Git(root, "add", "-A");
        Git(root, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "test");
        return root;
    }

    private static void Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var git = Process.Start(start)!;
        string errors = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {errors}");
    }

    [Fact]
    public async Task A_commit_that_builds_gives_the_program_and_disposing_removes_it()
    {
        using var temp = new TempFolder();
        string repo = Repository(temp, (EngineBuild.CliProject, Project), ("src/Mobility.Cli/Program.cs", "System.Console.WriteLine(\"old\");\n"));

        EngineBuild build = await EngineBuild.CreateAsync(repo, "HEAD", temp.File("build.log"), CancellationToken.None);
        try
        {
            Assert.True(File.Exists(build.CliPath), build.CliPath);
            Assert.Equal(40, build.Commit.Length);
            Assert.True(File.Exists(Path.Combine(build.SourceRoot, "src", "Mobility.Cli", "Program.cs")));
        }
        finally
        {
            build.Dispose();
        }

        Assert.False(Directory.Exists(build.Folder));
    }

    [Fact]
    public async Task A_commit_that_does_not_build_is_bad_input_with_the_compiler_error()
    {
        using var temp = new TempFolder();
        string repo = Repository(temp, (EngineBuild.CliProject, Project), ("src/Mobility.Cli/Program.cs", "this is not C#\n"));

        var error = await Assert.ThrowsAsync<InputException>(() => EngineBuild.CreateAsync(repo, "HEAD", temp.File("build.log"), CancellationToken.None));

        Assert.Contains("('HEAD') does not build", error.Message);
        Assert.Contains("error CS", error.Message);
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "mobility-equivalence-*"), d => d.EndsWith("-" + Environment.ProcessId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_commit_without_the_program_or_an_unknown_reference_is_bad_input()
    {
        using var temp = new TempFolder();
        string repo = Repository(temp, ("README.md", "not an engine\n"));

        var noEngine = await Assert.ThrowsAsync<InputException>(() => EngineBuild.CreateAsync(repo, "HEAD", temp.File("build.log"), CancellationToken.None));
        Assert.Contains("has no src/Mobility.Cli/Mobility.Cli.csproj", noEngine.Message);

        var unknown = await Assert.ThrowsAsync<InputException>(() => EngineBuild.CreateAsync(repo, "v0.0-none", temp.File("build.log"), CancellationToken.None));
        Assert.Contains("OLD_GIT_REF 'v0.0-none' names no commit", unknown.Message);
    }
}
