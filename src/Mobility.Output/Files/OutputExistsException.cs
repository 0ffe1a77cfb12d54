namespace Mobility.Output.Files;

using Mobility.Input;

/// <summary>The output folder exists and replacing it was not asked for.</summary>
public sealed class OutputExistsException : InputException
{
    public OutputExistsException(string directory)
        : base($"output folder '{PathDisplay.Of(directory)}' already exists; pass --force to replace it (or --out to write elsewhere)")
    {
        Directory = directory;
    }

    public string Directory { get; }
}
