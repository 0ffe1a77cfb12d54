namespace Mobility.Tests.Cli;

using Mobility.Cli;

/// <summary>The program called in-process, and the two outcomes the tests expect of it.</summary>
internal static class CliHarness
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static void AssertSuccess((int Code, string Out, string Err) result)
        => Assert.True(result.Code == ExitCodes.Success, $"exit code {result.Code}; stderr:\n{result.Err}\nstdout:\n{result.Out}");

    /// <summary>Exit code 2, every line an "error: ..." naming the problem, containing each of <paramref name="expected"/>; no stack trace, no type name.</summary>
    public static void AssertBadInput((int Code, string Out, string Err) result, params string[] expected)
    {
        Assert.True(result.Code == ExitCodes.BadInput, $"exit code {result.Code}; stderr:\n{result.Err}\nstdout:\n{result.Out}");
        Assert.StartsWith("error: ", result.Err, StringComparison.Ordinal);
        foreach (string part in expected)
        {
            Assert.Contains(part, result.Err, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("this is a bug", result.Err, StringComparison.Ordinal);
    }
}
