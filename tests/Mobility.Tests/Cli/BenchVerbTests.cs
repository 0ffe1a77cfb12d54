namespace Mobility.Tests.Cli;

using System.Text.Json;
using Mobility.Cli;
using Mobility.Tests.Engine;
using Mobility.Tests.IO;

/// <summary>The bench verb on a tiny configuration: it writes one line per thread count with the documented keys.</summary>
public sealed class BenchVerbTests
{
    private static readonly string[] Keys =
        ["threads", "median_seconds", "agent_years_per_second", "speedup", "peak_working_set_bytes", "bytes_per_agent", "stream_bound_ratio"];

    private static (int Code, string Out, string Err) Cli(params string[] args) => CliHarness.Run(args);

    /// <summary>
    /// A tiny bench of threads 1 and 2 into <paramref name="file"/>, with <paramref name="more"/> options: in process (the
    /// test host cannot be relaunched as the program), scale 100, one reported year, one run each; it must succeed.
    /// </summary>
    private static string TinyBench(string file, params string[] more)
    {
        var (code, output, error) = Cli(
            ["bench", "--scenario", EngineTestKit.ScenarioPath("baseline"), "--scale", "100", "--years", "1",
             "--threads", "1,2", "--repetitions", "1", "--in-process", "--out", file, .. more]);
        Assert.True(code == ExitCodes.Success, $"exit code {code}: {error}\n{output}");
        return output;
    }

    [Fact]
    public void Bench_writes_every_key_for_every_thread_count()
    {
        using var temp = new TempFolder();
        string file = temp.File("bench.json");

        string output = TinyBench(file);

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(new[] { 1, 2 }, results.Select(r => r.GetProperty("threads").GetInt32()));
        foreach (var result in results)
        {
            foreach (string key in Keys)
            {
                Assert.True(result.TryGetProperty(key, out var value) && value.GetDouble() > 0, $"{key} missing or not positive in {result}");
            }

            // Agent-years: the same run at any thread count, so the same count of active agent-years.
            Assert.Equal(results[0].GetProperty("agent_years").GetInt64(), result.GetProperty("agent_years").GetInt64());
        }

        Assert.Equal(1.0, results[0].GetProperty("speedup").GetDouble());
        int spinUp = EngineTestKit.Load("baseline").Settings.Scenario.SpinUpYears;
        Assert.Equal(spinUp + 1, results[0].GetProperty("years_simulated").GetInt32());
        Assert.Contains("written to", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounds_measure_every_thread_count_once_per_round_and_report_each_rounds_speedup()
    {
        using var temp = new TempFolder();
        string file = temp.File("bench.json");

        string output = TinyBench(file, "--rounds", "2");

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(2, json.RootElement.GetProperty("rounds").GetInt32());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        foreach (var result in results)
        {
            Assert.Equal(2, result.GetProperty("seconds").GetArrayLength());
            Assert.Equal(2, result.GetProperty("round_median_seconds").GetArrayLength());
            Assert.Equal(2, result.GetProperty("round_speedups").GetArrayLength());
            Assert.True(result.GetProperty("median_round_speedup").GetDouble() > 0);
        }

        Assert.All(results[0].GetProperty("round_speedups").EnumerateArray(), s => Assert.Equal(1.0, s.GetDouble()));
        Assert.Contains("round 2, threads 1", output, StringComparison.Ordinal);
        Assert.Contains("speed-up of 2 threads by round", output, StringComparison.Ordinal);

        // The second round runs the thread counts in reverse.
        Assert.True(output.IndexOf("round 2, threads 2", StringComparison.Ordinal) < output.IndexOf("round 2, threads 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--rounds", "0", "--rounds")]
    [InlineData("--threads", "0", "--threads")]
    [InlineData("--threads", "1,x", "--threads")]
    [InlineData("--years", "0", "--years")]
    [InlineData("--population-multiplier", "-4", "--population-multiplier")]
    public void Bad_bench_options_exit_with_code_2_and_name_the_option(string option, string value, string named)
    {
        var (code, _, error) = Cli("bench", option, value, "--in-process", "--out", Path.Combine(Path.GetTempPath(), "never-written.json"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
