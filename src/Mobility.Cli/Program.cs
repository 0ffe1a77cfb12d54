namespace Mobility.Cli;

/// <summary>The <c>mobility</c> command-line program.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, System.Console.Out, System.Console.Error);

    /// <summary>Runs the program with the given arguments, writing to <paramref name="output"/> and <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => CommandLine.Invoke(args, new CliContext(output, error));
}
