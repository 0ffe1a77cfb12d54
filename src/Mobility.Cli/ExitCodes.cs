namespace Mobility.Cli;

/// <summary>The program's exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected internal error (a bug: please report).</summary>
    public const int InternalError = 1;

    /// <summary>Bad input: a missing or malformed file, an unknown key, a validation problem, an existing output folder.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// <c>mobility equivalence</c> ran and at least one metric failed its equivalence test (the new engine differs from
    /// the old, or the replications cannot show that it does not).
    /// </summary>
    public const int NotEquivalent = 3;

    /// <summary>
    /// <c>mobility sbc --check</c> ran and the posteriors failed it: a run ended tempered, or a coefficient's ranks are not
    /// uniform at the Bonferroni level (the sampler's posteriors are too narrow, too wide or shifted).
    /// </summary>
    public const int NotCalibrated = 4;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
