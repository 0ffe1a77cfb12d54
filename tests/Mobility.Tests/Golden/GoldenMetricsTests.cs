namespace Mobility.Tests.Golden;

using System.Globalization;
using System.Text;
using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Input.Configuration;
using Mobility.Tests.Engine;

/// <summary>
/// A fixed seed's metrics, compared value for value with a stored file. Performance work must leave every number
/// unchanged; only a deliberate change of the model may change this file, and then it is regenerated on purpose:
/// <c>MOBILITY_UPDATE_GOLDEN=1 dotnet test Simulation.sln --filter GoldenMetricsTests</c> rewrites
/// <c>tests/Mobility.Tests/Golden/expected-metrics.csv</c> (commit it with the model change that explains it).
/// </summary>
/// <remarks>
/// The scenario is a self-contained copy (golden-scenario.json: the baseline coefficients and the ucahes-full levers,
/// scale 20, 2025-2032), so recalibrating scenarios/*.json does not move the expected values. It reads the shipped
/// world data, so a change there is a change of the model too.
/// </remarks>
public sealed class GoldenMetricsTests
{
    public const string UpdateVariable = "MOBILITY_UPDATE_GOLDEN";

    private static string Folder => Path.Combine(EngineTestKit.RepositoryRoot, "tests", "Mobility.Tests", "Golden");

    private static string ExpectedPath => Path.Combine(Folder, "expected-metrics.csv");

    [Fact]
    public void The_fixed_seed_metrics_equal_the_stored_expected_file()
    {
        var loaded = ScenarioLoader.Load(Path.Combine(Folder, "golden-scenario.json"), new ScenarioLoadOptions { Environment = new Dictionary<string, string>() });
        var result = new Simulation(loaded.World, loaded.Settings, new SimulationOptions { Threads = EngineTestKit.Threads }).Run();
        string actual = ToCsv(result.Metrics);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(ExpectedPath, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(ExpectedPath), $"{ExpectedPath} is missing; create it with {UpdateVariable}=1");
        string[] expectedLines = File.ReadAllText(ExpectedPath).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        string[] actualLines = actual.TrimEnd('\n').Split('\n');
        for (int i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
        {
            Assert.True(expectedLines[i] == actualLines[i], $"line {i + 1} differs: expected '{expectedLines[i]}', found '{actualLines[i]}' (regenerate with {UpdateVariable}=1 only if the model changed on purpose)");
        }

        Assert.Equal(expectedLines.Length, actualLines.Length);
    }

    /// <summary>One line per metric record; values in round-trip form, so equal text means equal doubles.</summary>
    private static string ToCsv(IReadOnlyList<MetricRecord> metrics)
    {
        var text = new StringBuilder("year,country,metric,value\n");
        foreach (var m in metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"{m.Year},{m.Country},{m.Metric},{m.Value.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        return text.ToString();
    }
}
