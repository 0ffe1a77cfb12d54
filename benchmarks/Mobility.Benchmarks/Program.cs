namespace Mobility.Benchmarks;

using BenchmarkDotNet.Running;

/// <summary>
/// Entry point. Without <c>--smoke</c> every argument goes to BenchmarkDotNet
/// (<c>--filter '*'</c>, <c>--job dry</c>, <c>--job short</c>, ...). With <c>--smoke</c> each benchmark's setup and a
/// few invocations run directly, without BenchmarkDotNet, so that CI can check in seconds that the project builds
/// and runs; the timings it prints are single-shot and not benchmark results.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains(Smoke.Flag, StringComparer.Ordinal))
        {
            return Smoke.Run(Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
