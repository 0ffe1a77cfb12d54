namespace Mobility.Experiments.Benchmarking;

using System.Diagnostics;

/// <summary>
/// The process's peak working set (VmHWM on Linux), with a reset between measured runs where the operating system
/// allows it, so that each repetition's peak is its own and not the maximum over every run the process made before.
/// </summary>
/// <remarks>
/// Linux resets the peak resident set size when "5" is written to /proc/self/clear_refs (since 4.0). Elsewhere, or
/// when the file cannot be written, <see cref="Reset"/> returns false and the peak stays the process's.
/// </remarks>
public static class PeakWorkingSet
{
    private const string ClearRefs = "/proc/self/clear_refs";

    /// <summary>Starts a new peak at the current working set; false if the peak could not be reset.</summary>
    public static bool Reset()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(ClearRefs))
        {
            return false;
        }

        try
        {
            File.WriteAllText(ClearRefs, "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The peak working set since the last successful <see cref="Reset"/> (or since the process started).</summary>
    public static long Read()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
