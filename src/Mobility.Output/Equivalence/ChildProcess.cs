namespace Mobility.Output.Equivalence;

using System.Diagnostics;
using System.Text;

/// <summary>
/// Runs another program to completion, its standard output and error kept in memory for messages (and appended to a
/// log file when one is given); on cancellation the program and its children are killed.
/// </summary>
internal static class ChildProcess
{
    public sealed record Outcome(int ExitCode, string Output);

    public static async Task<Outcome> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, string? logPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var text = new StringBuilder();
        await using var log = logPath is null ? null : new StreamWriter(logPath, append: true, new UTF8Encoding(false));
        log?.WriteLine("$ " + program + " " + string.Join(' ', start.ArgumentList.Select(Quoted)));
        var gate = new object();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                text.AppendLine(line);
                log?.WriteLine(line);
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new FileNotFoundException($"could not start '{program}': {ex.Message}", program, ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            throw;
        }

        // The parameterless wait also drains the asynchronous output readers.
        process.WaitForExit();
        lock (gate)
        {
            log?.Flush();
            return new Outcome(process.ExitCode, text.ToString());
        }
    }

    /// <summary>The last lines of a program's output, for an error message.</summary>
    public static string Tail(string output, int lines = 12)
    {
        string[] all = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n  ", all.TakeLast(lines));
    }

    /// <summary>The .NET host that runs a framework-dependent program (mobility.dll): the one running this program when known.</summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        string? self = Environment.ProcessPath;
        return self is not null && string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
    }

    private static string Quoted(string argument) => argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=,".Contains(c))
        ? argument
        : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
