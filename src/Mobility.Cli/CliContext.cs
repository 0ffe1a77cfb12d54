namespace Mobility.Cli;

using Mobility.Cli.Console;
using Spectre.Console;

/// <summary>Where the program writes, and whether a person is watching (a terminal) or not (a file, a pipe, a test).</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
        IsInteractive = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = ConsoleFactory.Create(output, IsInteractive);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True when standard output is a terminal.</summary>
    public bool IsInteractive { get; }

    /// <summary>Spectre console over <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }
}
