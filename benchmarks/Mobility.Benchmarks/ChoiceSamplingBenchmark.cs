namespace Mobility.Benchmarks;

using BenchmarkDotNet.Attributes;
using Mobility.Engine.Choice;
using Mobility.Engine.Random;

/// <summary>
/// Drawing one item from <see cref="Weights"/> weighted items: <see cref="AliasTable.Sample"/> (O(1): one column
/// lookup and one comparison) against the baseline, a linear scan of the cumulative weights (O(n)). The uniforms
/// are drawn in setup and shared by both methods, so only the sampling is timed; each operation is one sample
/// (a loop of <see cref="Samples"/> per invocation, reported through OperationsPerInvoke).
/// </summary>
/// <remarks>
/// The weights are log-normal (sigma 1) in no particular order, so the linear scan stops on average about half-way;
/// a table sorted by decreasing weight would let it stop earlier.
/// </remarks>
[MemoryDiagnoser]
public class ChoiceSamplingBenchmark
{
    public const int Weights = 150;
    public const int Samples = 4096;

    private readonly AliasTable alias = new();
    private double[] cumulative = [];
    private double[] uniforms = [];

    internal double[] WeightValues { get; private set; } = [];

    [GlobalSetup]
    public void Setup()
    {
        var stream = new RandomStream(20250901, RandomStream.NonAgentEntity, 2030, Purpose.DegreeChoices);
        WeightValues = new double[Weights];
        var ids = new int[Weights];
        cumulative = new double[Weights];
        double total = 0;
        for (int i = 0; i < Weights; i++)
        {
            ids[i] = i;
            WeightValues[i] = Math.Exp(stream.NextNormal());
            total += WeightValues[i];
            cumulative[i] = total;
        }

        alias.Build(ids, WeightValues);

        var draws = new RandomStream(20250901, RandomStream.NonAgentEntity + 1, 2030, Purpose.DegreeChoices);
        uniforms = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            uniforms[i] = draws.NextDouble();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)]
    public int LinearScan()
    {
        int acc = 0;
        foreach (double u in uniforms)
        {
            acc += ScanCumulative(cumulative, u);
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public int Alias()
    {
        int acc = 0;
        foreach (double u in uniforms)
        {
            acc += alias.Sample(u);
        }

        return acc;
    }

    internal int SampleAlias(double uniform) => alias.Sample(uniform);

    internal int SampleLinear(double uniform) => ScanCumulative(cumulative, uniform);

    /// <summary>The first item whose cumulative weight exceeds uniform * total.</summary>
    private static int ScanCumulative(double[] cumulative, double uniform)
    {
        double target = uniform * cumulative[^1];
        for (int i = 0; i < cumulative.Length - 1; i++)
        {
            if (target < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
