namespace Mobility.Tests.Posterior;

using Mobility.Tests.IO;
using Mobility.Tests.Sweeps;

/// <summary>
/// Small posteriors of the shipped baseline for CLI tests: five 2025 observations, a two-year spin-up, one agent per
/// 4000 persons, three coefficients, a handful of particles. Each simulation then takes a few tens of milliseconds.
/// </summary>
internal static class PosteriorKit
{
    public static string Baseline => SweepKit.Scenario.Replace("ucahes-full.json", "baseline.json", StringComparison.Ordinal);

    /// <summary>The baseline with a two-year spin-up (the observation window adds none: every figure is of 2025).</summary>
    public static string Scenario(TempFolder temp) => temp.Write("scenario.json", $$"""
        { "base": "{{Baseline}}", "scenario": { "spinUpYears": 2 } }
        """);

    public static string Observations(TempFolder temp) => temp.Write("observations.csv", """
        id,origin,destination,year,kind,value,source,note
        kz_in_uz,UZB,KAZ,2025,stock,4620,test,
        kz_in_tj,TJK,KAZ,2025,stock,4386,test,
        kz_in_ru,RUS,KAZ,2025,stock,2147,test,
        kz_in_cn,CHN,KAZ,2025,stock,1129,test,
        kz_in_total,*,KAZ,2025,stock,28458,test,
        """);

    public static string Priors(TempFolder temp) => temp.Write("priors.json", """
        {
          "description": "three coefficients for tests",
          "priors": [
            { "coefficient": "degreeMobility:outsideOptionUtility", "distribution": "normal", "mean": 5.9, "sd": 1.0, "lower": 3, "upper": 9, "justification": "test" },
            { "coefficient": "choice:bDistance", "distribution": "lognormal", "median": 0.6, "sdLog": 0.5, "justification": "test" },
            { "coefficient": "choice:destinationShift:KAZ", "distribution": "uniform", "lower": -2, "upper": 0.5, "justification": "test" }
          ]
        }
        """);

    /// <summary>The posterior command for a folder, with the kit's files and sizes plus <paramref name="extra"/> options.</summary>
    public static string[] Command(TempFolder temp, string folder, params string[] extra) => Command(temp, folder, 3, extra);

    public static string[] Command(TempFolder temp, string folder, int generations, params string[] extra)
        =>
        [
            "posterior", Scenario(temp), "--priors", Priors(temp), "--observations", Observations(temp), "--out", temp.File(folder),
            "--scale", "4000", "--particles", "6", "--generations", generations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--min-generations", generations.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra,
        ];
}
