namespace Mobility.Input;

/// <summary>
/// Bad input from the user (files, configuration, options): every problem found, each a complete sentence naming
/// where it is (file and line, or configuration path). The command-line program prints them and exits with code 2.
/// </summary>
public class InputException : Exception
{
    public InputException(string problem)
        : this([problem])
    {
    }

    public InputException(IEnumerable<string> problems)
        : this(problems, null)
    {
    }

    public InputException(IEnumerable<string> problems, Exception? innerException)
        : base(null, innerException)
    {
        Problems = problems.ToArray();
        if (Problems.Count == 0)
        {
            throw new ArgumentException("an input exception needs at least one problem", nameof(problems));
        }
    }

    /// <summary>The problems, one message each, in the order they were found.</summary>
    public IReadOnlyList<string> Problems { get; }

    public override string Message => string.Join(Environment.NewLine, Problems);
}
