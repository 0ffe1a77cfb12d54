namespace Mobility.Benchmarks;

using System.Diagnostics;
using System.Globalization;

/// <summary>
/// <c>--smoke</c>: each benchmark's setup and a few invocations, run directly without BenchmarkDotNet (whole year at
/// about 50 thousand students), one line per benchmark. For CI: it checks that the project builds and runs in seconds. The times are
/// from a handful of cold invocations and are not benchmark results.
/// </summary>
internal static class Smoke
{
    public const string Flag = "--smoke";

    private const int SmokeAgents = 50_000;
    private const int Years = 3;
    private const int Warmups = 2;
    private const int Invocations = 20;

    public static int Run(TextWriter output)
    {
        try
        {
            output.WriteLine(WholeYear());
            output.WriteLine(Phases());
            output.WriteLine(Random());
            output.WriteLine(ChoiceSampling());
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"smoke failed: {ex}");
            return 1;
        }
    }

    private static string WholeYear()
    {
        var b = new WholeYearBenchmark { Agents = SmokeAgents, Threads = 2 };
        var clock = Stopwatch.StartNew();
        b.Setup();
        double setup = clock.Elapsed.TotalSeconds;
        int first = b.NextYear;
        clock.Restart();
        for (int i = 0; i < Years; i++)
        {
            b.RunYear();
        }

        double perYear = clock.Elapsed.TotalMilliseconds / Years;
        return string.Create(CultureInfo.InvariantCulture, $"{nameof(WholeYearBenchmark)}: agents={SmokeAgents} threads=2, setup+spin-up {setup:F2} s, years {first}-{b.NextYear - 1} {perYear:F1} ms/year, {b.Students:N0} students");
    }

    /// <summary>Every phase benchmark once (setup, one measured phase, cleanup) on one steady state per phase.</summary>
    private static string Phases()
    {
        var times = new List<string>();
        foreach (string phase in new[] { "derived", "entry", "degree_mobility", "credit_mobility", "admission", "study", "graduation", "scholars", "rankings", "image" })
        {
            var b = new PhaseBenchmark { Agents = SmokeAgents / 5, Phase = phase, Threads = 2 };
            b.Setup();
            b.StartYear();
            var clock = Stopwatch.StartNew();
            b.RunPhase();
            times.Add(string.Create(CultureInfo.InvariantCulture, $"{phase} {clock.Elapsed.TotalMilliseconds:F1} ms"));
            b.FinishYear();
        }

        return $"{nameof(PhaseBenchmark)}: agents={SmokeAgents / 5} threads=2, one cold invocation each: {string.Join(", ", times)}";
    }

    private static string Random()
    {
        var b = new RandomBenchmark();
        double sum = 0;
        uint acc = 0;
        double nextDouble = NsPerOp(() => sum += b.NextDouble(), RandomBenchmark.Draws);
        double philox = NsPerOp(() => acc ^= b.Philox(), RandomBenchmark.Draws);
        double batch = NsPerOp(() => acc ^= b.PhiloxBatch(), RandomBenchmark.Draws);
        double mean = sum / ((double)(Warmups + Invocations) * RandomBenchmark.Draws);
        if (mean is < 0.45 or > 0.55)
        {
            throw new InvalidOperationException($"mean of the NextDouble draws is {mean}, expected about 0.5");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{nameof(RandomBenchmark)}: NextDouble {nextDouble:F2} ns/draw, Philox4x32.Generate {philox:F2} ns/block, PhiloxBatch {batch:F2} ns/block ({Invocations} x {RandomBenchmark.Draws} calls each, mean draw {mean:F3}, checksum {acc:x8})");
    }

    private static string ChoiceSampling()
    {
        var b = new ChoiceSamplingBenchmark();
        b.Setup();
        int acc = 0;
        double linear = NsPerOp(() => acc += b.LinearScan(), ChoiceSamplingBenchmark.Samples);
        double alias = NsPerOp(() => acc += b.Alias(), ChoiceSamplingBenchmark.Samples);
        double distance = SamplerDistance(b);
        if (distance > 0.02)
        {
            throw new InvalidOperationException($"alias and linear samplers disagree: total variation distance {distance:F4}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{nameof(ChoiceSamplingBenchmark)}: {ChoiceSamplingBenchmark.Weights} weights, linear scan {linear:F2} ns/sample, alias {alias:F2} ns/sample, samplers agree (total variation {distance:F4})");
    }

    /// <summary>Total variation distance between the two samplers' frequencies over the same evenly spaced uniforms.</summary>
    private static double SamplerDistance(ChoiceSamplingBenchmark b)
    {
        const int N = 200_000;
        var linear = new int[ChoiceSamplingBenchmark.Weights];
        var alias = new int[ChoiceSamplingBenchmark.Weights];
        for (int i = 0; i < N; i++)
        {
            double u = (i + 0.5) / N;
            linear[b.SampleLinear(u)]++;
            alias[b.SampleAlias(u)]++;
        }

        double distance = 0;
        for (int k = 0; k < linear.Length; k++)
        {
            distance += Math.Abs(linear[k] - alias[k]) / (double)N;
        }

        return distance / 2;
    }

    /// <summary>Runs <paramref name="invoke"/> <see cref="Warmups"/> times untimed, then <see cref="Invocations"/> times timed.</summary>
    private static double NsPerOp(Action invoke, int operationsPerInvoke)
    {
        for (int i = 0; i < Warmups; i++)
        {
            invoke();
        }

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Invocations; i++)
        {
            invoke();
        }

        return clock.Elapsed.TotalNanoseconds / ((double)Invocations * operationsPerInvoke);
    }
}
