namespace Mobility.Output.Runs;

using System.Globalization;

/// <summary>
/// What identifies a run's rows in every output file. The run id is deterministic (<c>{scenario}-s{seed}-k{scale}</c>):
/// it depends on neither the thread count nor the clock, so that outputs are identical across thread counts.
/// </summary>
public sealed record RunIdentity(string RunId, string Scenario, ulong Seed, double Scale)
{
    public static RunIdentity Create(string scenario, ulong seed, double scale)
        => new(FormatRunId(scenario, seed, scale), scenario, seed, scale);

    public static string FormatRunId(string scenario, ulong seed, double scale)
        => string.Create(CultureInfo.InvariantCulture, $"{scenario}-s{seed}-k{scale:R}");
}
