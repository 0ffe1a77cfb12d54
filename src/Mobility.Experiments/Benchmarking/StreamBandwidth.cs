namespace Mobility.Experiments.Benchmarking;

using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

/// <summary>
/// The machine's streaming read bandwidth over an array of a given size: the time to read every byte once, split
/// in contiguous parts over the threads, best of several passes. A year of the simulation reads the agent state a
/// few times over, so this time is the floor a memory-bound year could approach.
/// </summary>
public static class StreamBandwidth
{
    public const int Passes = 5;

    /// <summary>Seconds to read <paramref name="bytes"/> once with <paramref name="threads"/> threads.</summary>
    public static double Measure(long bytes, int threads)
    {
        long words = Math.Max(Vector<long>.Count * threads, bytes / sizeof(long));
        var data = GC.AllocateUninitializedArray<long>((int)Math.Min(words, Array.MaxLength));
        Array.Fill(data, 1L);
        int parts = Math.Max(1, threads);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parts };
        var sums = new long[parts];
        double best = double.MaxValue;
        for (int pass = 0; pass < Passes; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            Parallel.For(0, parts, options, p =>
            {
                long from = data.LongLength * p / parts;
                long to = data.LongLength * (p + 1) / parts;
                sums[p] = Sum(data.AsSpan((int)from, (int)(to - from)));
            });
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        // The sums are checked so that the reads cannot be optimised away.
        if (sums.Sum() != data.LongLength)
        {
            throw new InvalidOperationException("stream check failed");
        }

        return best;
    }

    private static long Sum(ReadOnlySpan<long> values)
    {
        var vectors = MemoryMarshal.Cast<long, Vector<long>>(values);
        Vector<long> a = Vector<long>.Zero, b = Vector<long>.Zero, c = Vector<long>.Zero, d = Vector<long>.Zero;
        int i = 0;
        for (; i + 4 <= vectors.Length; i += 4)
        {
            a += vectors[i];
            b += vectors[i + 1];
            c += vectors[i + 2];
            d += vectors[i + 3];
        }

        for (; i < vectors.Length; i++)
        {
            a += vectors[i];
        }

        long total = Vector.Sum(a + b + c + d);
        for (int k = vectors.Length * Vector<long>.Count; k < values.Length; k++)
        {
            total += values[k];
        }

        return total;
    }
}
