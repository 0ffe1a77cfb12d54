namespace Mobility.Tests.Sweeps;

using Mobility.Tests.Cli;
using Mobility.Tests.IO;

/// <summary>Small sweeps over the shipped ucahes-full scenario, kept short (coarse scale, two reported years, one spin-up year).</summary>
internal static class SweepKit
{
    public static (int Code, string Out, string Err) Cli(params string[] args) => CliHarness.Run(args);

    public static void AssertSuccess((int Code, string Out, string Err) result) => CliHarness.AssertSuccess(result);

    public static string Scenario => Path.Combine(TestFiles.RepositoryRoot, "scenarios", "ucahes-full.json").Replace("\\", "/", StringComparison.Ordinal);

    /// <summary>A design file in <paramref name="temp"/>; <paramref name="parameters"/> and <paramref name="extra"/> are JSON fragments.</summary>
    public static string WriteDesign(TempFolder temp, string method = "lhs", int samples = 6, string? parameters = null, string extra = "", int endYear = 2026, int scale = 400)
        => temp.Write("design.json", $$"""
            {
              "scenario": "{{Scenario}}",
              "method": "{{method}}",
              "samples": {{samples}},
              "seed": 4,
              "scale": {{scale}},
              "metrics": [ "regional_image", "inbound_students" ],
              "years": [ 2026 ],
              "countries": [ "KAZ", "UZB" ],
              "sets": [ "scenario:endYear={{endYear}}", "scenario:spinUpYears=1" ],
              {{extra}}
              "parameters": {{parameters ?? """
                [
                  { "path": "degreeMobility:a0", "range": [ -4.0, -3.0 ] },
                  { "path": "policies:regionalMobilityGrants:ucahes-grants:grantsPerYear", "name": "grants", "range": [ 500, 6000 ], "integer": true }
                ]
                """}}
            }
            """);

    public static string Plan(TempFolder temp, string design, string folder = "sweep")
    {
        string dir = temp.File(folder);
        AssertSuccess(Cli("sweep", "plan", design, "--out", dir));
        return dir;
    }
}
