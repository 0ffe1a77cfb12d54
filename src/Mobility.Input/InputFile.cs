namespace Mobility.Input;

/// <summary>The checks every input file gets before it is read, with the same words for every kind of file.</summary>
public static class InputFile
{
    /// <summary>
    /// Throws an <see cref="InputException"/> unless <paramref name="path"/> is an existing file: "KIND 'PATH' not found",
    /// or, for a folder, which file of the folder could have been meant.
    /// </summary>
    /// <param name="kind">What the file is, e.g. "scenario file".</param>
    /// <param name="pattern">The files of its kind, e.g. "*.json", to suggest one when a folder is given.</param>
    /// <param name="context">Said after the message, e.g. where the path was named.</param>
    public static void Require(string path, string kind, string pattern, string? context = null)
    {
        string display = PathDisplay.Of(path);
        string after = context is null ? "" : $" ({context})";
        if (Directory.Exists(path))
        {
            string? example = Directory.EnumerateFiles(path, pattern).Order(StringComparer.Ordinal).FirstOrDefault();
            string hint = example is null ? $"it holds no {pattern} file" : $"name the {kind} in it, e.g. {PathDisplay.Of(example)}";
            throw new InputException($"'{display}' is a folder, not a file{after}; {hint}");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{kind} '{display}' not found{after}");
        }
    }
}
