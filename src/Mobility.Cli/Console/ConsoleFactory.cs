namespace Mobility.Cli.Console;

using Spectre.Console;

/// <summary>Creates Spectre consoles: full colour and live displays on a terminal, plain text otherwise.</summary>
public static class ConsoleFactory
{
    /// <summary>Width used when the output is not a terminal (so tables are not squeezed into 80 columns).</summary>
    public const int NonInteractiveWidth = 160;

    public static IAnsiConsole Create(TextWriter output, bool interactive)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = NonInteractiveWidth;
        }

        return console;
    }
}
