namespace Mobility.Tests.Engine;

using MathNet.Numerics.Distributions;
using Mobility.Engine.Choice;
using Mobility.Engine.Random;

/// <summary>The counter-based generator every decision of the model draws from.</summary>
public sealed class PhiloxTests
{
    // Philox4x32-10 is a published bijection (Salmon et al., SC'11); Random123 ships known-answer vectors for it
    // (kat_vectors, "philox4x32 10"). Matching them proves the rounds, multipliers and key schedule are exactly the
    // published ones, which is what makes the streams reproducible on any machine.
    [Theory]
    [InlineData(0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Philox4x32_10_matches_the_Random123_known_answer_vectors(
        uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint e0, uint e1, uint e2, uint e3)
    {
        Philox4x32.Generate(c0, c1, c2, c3, k0, k1, out uint r0, out uint r1, out uint r2, out uint r3);

        Assert.Equal(new[] { e0, e1, e2, e3 }, new[] { r0, r1, r2, r3 });
    }
}

public sealed class RandomStreamTests
{
    private const ulong Seed = 20250901;

    // A stream is Philox keyed by the seed and counted by (entity, year, purpose, block): its first four draws are
    // the four words of block 0, mapped to the centre of their 2^-32 cell. This is what lets any thread recompute
    // any agent's draws without coordination.
    [Fact]
    public void A_stream_is_Philox_counted_by_entity_year_purpose_and_block()
    {
        var stream = new RandomStream(Seed, 42, 2030, Purpose.Study);
        Philox4x32.Generate(42, 2030, (uint)Purpose.Study, 0, (uint)Seed, (uint)(Seed >> 32), out uint r0, out uint r1, out uint r2, out uint r3);
        Philox4x32.Generate(42, 2030, (uint)Purpose.Study, 1, (uint)Seed, (uint)(Seed >> 32), out uint s0, out _, out _, out _);

        foreach (uint word in new[] { r0, r1, r2, r3, s0 })
        {
            Assert.Equal((word + 0.5) / 4294967296.0, stream.NextDouble());
        }
    }

    // Uniforms are (r + 0.5) / 2^32, so they can never be 0 or 1 (logs and ratios of them are always finite);
    // over 100000 draws the mean of a U(0,1) is 0.5 with a standard error of 0.0009 and the variance is 1/12.
    [Fact]
    public void Uniforms_lie_strictly_inside_0_1_with_mean_one_half()
    {
        const int n = 100_000;
        double sum = 0, sumSquares = 0, min = 1, max = 0;
        for (int entity = 0; entity < n / 10; entity++)
        {
            var stream = new RandomStream(Seed, (uint)entity, 2025, Purpose.DegreeDecision);
            for (int k = 0; k < 10; k++)
            {
                double x = stream.NextDouble();
                sum += x;
                sumSquares += x * x;
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
        }

        double mean = sum / n;
        double variance = (sumSquares / n) - (mean * mean);
        Assert.True(min > 0 && max < 1, $"uniforms must lie in (0, 1): min {min}, max {max}");
        Assert.InRange(mean, 0.495, 0.505);
        Assert.InRange(variance, (1.0 / 12) - 0.003, (1.0 / 12) + 0.003);
    }

    // The same (seed, entity, year, purpose) is the same counter, hence the same sequence, wherever and whenever
    // it is created: an agent's decision does not depend on which thread computes it.
    [Fact]
    public void The_same_key_gives_the_same_sequence()
    {
        var a = new RandomStream(Seed, 1234, 2031, Purpose.DegreeChoices);
        var b = new RandomStream(Seed, 1234, 2031, Purpose.DegreeChoices);

        for (int k = 0; k < 1000; k++)
        {
            Assert.Equal(a.NextDouble(), b.NextDouble());
        }
    }

    // Purpose, entity, year and seed are all part of the counter or key: changing any one of them gives an unrelated
    // sequence, so e.g. the credit decision of a student is independent of its degree decision.
    [Theory]
    [InlineData(Seed, 1234u, 2031, Purpose.CreditDecision)]
    [InlineData(Seed, 1235u, 2031, Purpose.DegreeChoices)]
    [InlineData(Seed, 1234u, 2032, Purpose.DegreeChoices)]
    [InlineData(Seed + 1, 1234u, 2031, Purpose.DegreeChoices)]
    public void Changing_any_part_of_the_key_gives_a_different_sequence(ulong seed, uint entity, int year, Purpose purpose)
    {
        var reference = new RandomStream(Seed, 1234, 2031, Purpose.DegreeChoices);
        var other = new RandomStream(seed, entity, year, purpose);

        int equal = 0;
        for (int k = 0; k < 1000; k++)
        {
            equal += reference.NextDouble() == other.NextDouble() ? 1 : 0;
        }

        Assert.True(equal == 0, $"{equal} of 1000 draws coincide");
    }

    // The ziggurat turns (mostly) one word into a standard normal: mean 0 and variance 1 (standard errors 0.003, 0.005).
    [Fact]
    public void Normals_have_mean_0_and_variance_1()
    {
        const int n = 100_000;
        double sum = 0, sumSquares = 0;
        for (int entity = 0; entity < n; entity++)
        {
            var stream = new RandomStream(Seed, (uint)entity, 2025, Purpose.Study);
            double z = stream.NextNormal();
            sum += z;
            sumSquares += z * z;
        }

        Assert.InRange(sum / n, -0.015, 0.015);
        Assert.InRange((sumSquares / n) - ((sum / n) * (sum / n)), 0.975, 1.025);
    }

    // The ziggurat is exact in distribution, not an approximation: 400 000 draws (one stream per entity, so rejected
    // words continue in the same stream) against the normal distribution function, Kolmogorov-Smirnov distance below
    // the 0.1 % critical value 1.95 / sqrt(n); and the tail beyond the base layer's edge R = 3.4426, drawn by its own
    // exact method, has the normal's mass 2 (1 - Phi(R)) = 0.000576 (standard error 0.000038).
    [Fact]
    public void Ziggurat_normals_follow_the_normal_distribution_function()
    {
        const int n = 400_000;
        var z = new double[n];
        int beyond = 0;
        for (int entity = 0; entity < n; entity++)
        {
            var stream = new RandomStream(Seed, (uint)entity, 2026, Purpose.Study);
            z[entity] = stream.NextNormal();
            beyond += Math.Abs(z[entity]) > Ziggurat.R ? 1 : 0;
        }

        Array.Sort(z);
        double distance = 0;
        for (int k = 0; k < n; k++)
        {
            double cdf = Normal.CDF(0, 1, z[k]);
            distance = Math.Max(distance, Math.Max(((k + 1.0) / n) - cdf, cdf - ((double)k / n)));
        }

        Assert.True(distance < 1.95 / Math.Sqrt(n), $"Kolmogorov-Smirnov distance {distance:F5}");
        Assert.InRange(beyond / (double)n, 0.000576 - 0.00016, 0.000576 + 0.00016);
    }

    // The point of the ziggurat: about 97 % of normals take one word and one multiplication (the mean over the 128
    // layers of the share of each layer's rectangle wholly under the density; the top layer has none); the rest finish
    // by the wedge or tail test with further words. The fast path and the full draw agree.
    [Fact]
    public void Most_ziggurat_normals_take_one_word()
    {
        const int n = 200_000;
        int fast = 0;
        for (int entity = 0; entity < n; entity++)
        {
            var stream = new RandomStream(Seed, (uint)entity, 2027, Purpose.Study);
            uint word = stream.NextWord();
            var more = stream;
            if (Ziggurat.TryFast(word, out double z))
            {
                fast++;
                Assert.Equal(z, Ziggurat.Next(word, ref more));
            }
        }

        Assert.InRange(fast / (double)n, 0.965, 0.98);
    }

    // Stochastic rounding turns 2.3 expected agents into 2 or 3 with mean 2.3, so a coarse scale does not bias
    // small cohorts, quotas or grants toward zero.
    [Fact]
    public void Stochastic_rounding_is_unbiased()
    {
        const int n = 100_000;
        long total = 0;
        for (uint entity = 0; entity < n; entity++)
        {
            int value = RandomStream.StochasticRound(2.3, Seed, entity, 2025);
            Assert.InRange(value, 2, 3);
            total += value;
        }

        Assert.InRange(total / (double)n, 2.29, 2.31);
        Assert.Equal(0, RandomStream.StochasticRound(0, Seed, 1, 2025));
        Assert.Equal(7, RandomStream.StochasticRound(7, Seed, 1, 2025));
    }
}

public sealed class AliasTableTests
{
    // Walker's alias method draws item i with probability w_i / sum(w) from one uniform. Over 200000 draws the
    // chi-square statistic of the observed counts against the weights follows a chi-square law with (items - 1)
    // degrees of freedom; the draws here are fixed (seeded), and the bound is its 99.99% quantile.
    [Fact]
    public void Sampled_frequencies_match_the_weights_and_zero_weights_are_never_drawn()
    {
        int[] items = [10, 11, 12, 13, 14, 15, 16, 17, 18];
        double[] weights = [5, 0, 1, 3, 0, 0.5, 10, 2, 0.01];
        var table = new AliasTable();
        table.Build(items, weights);

        Assert.Equal(7, table.Count);
        Assert.Equal(weights.Sum(), table.TotalWeight, 12);
        var counts = Draw(table, 200_000);

        Assert.Equal(new[] { 10, 12, 13, 15, 16, 17, 18 }, counts.Keys.Order().ToArray());
        AssertMatches(items, weights, counts, 200_000);
    }

    // A table is rebuilt every year in the same buffers; a rebuild must forget the previous items entirely.
    [Fact]
    public void A_rebuilt_table_draws_only_its_new_items()
    {
        var table = new AliasTable();
        table.Build([1, 2, 3, 4, 5, 6], [1.0, 1, 1, 1, 1, 1]);
        table.Build([7, 8], [1.0, 3]);

        Assert.Equal(2, table.Count);
        var counts = Draw(table, 100_000);
        Assert.Equal(new[] { 7, 8 }, counts.Keys.Order().ToArray());
        AssertMatches([7, 8], [1.0, 3], counts, 100_000);
    }

    [Fact]
    public void Tables_without_positive_weights_are_empty_and_a_single_item_is_always_drawn()
    {
        var table = new AliasTable();
        table.Build([1, 2], [0.0, double.NaN]);
        Assert.Equal(0, table.Count);

        table.Build([9], [0.25]);
        Assert.Equal(9, table.Sample(1e-9));
        Assert.Equal(9, table.Sample(0.5));
        Assert.Equal(9, table.Sample(1 - 1e-9));
    }

    // The table is Vose's construction with last-in-first-out stacks, whatever shortcuts its code takes: every draw
    // equals the draw from a textbook build of the same weights, over weights with zeros, ties at exactly the mean,
    // one dominant item, and many near-equal items.
    [Fact]
    public void Draws_equal_those_of_the_textbook_construction()
    {
        var random = new System.Random(20261203);
        var cases = new List<double[]>
        {
            new double[] { 1, 1, 1, 1 },
            new double[] { 1000, 1, 1, 1, 1, 1, 1, 1 },
            new double[] { 0, 3, 0, 1, 2, 2, 0.5 },
            Enumerable.Range(0, 150).Select(_ => Math.Exp(4 * random.NextDouble())).ToArray(),
            Enumerable.Range(0, 120).Select(_ => 1 + (1e-9 * random.NextDouble())).ToArray(),
            Enumerable.Range(0, 90).Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble()).ToArray(),
        };
        var table = new AliasTable();
        foreach (var weights in cases)
        {
            int[] items = Enumerable.Range(100, weights.Length).ToArray();
            table.Build(items, weights);
            var (kept, probability, alias) = TextbookVose(items, weights);
            Assert.Equal(kept.Length, table.Count);
            for (int k = 0; k < 20_000; k++)
            {
                double u = k < 10_000 ? (k + 0.5) / 10_000 : random.NextDouble();
                double x = u * kept.Length;
                int column = Math.Min((int)x, kept.Length - 1);
                int expected = x - column < probability[column] ? kept[column] : kept[alias[column]];
                Assert.Equal(expected, table.Sample(u));
            }
        }
    }

    private static (int[] Items, double[] Probability, int[] Alias) TextbookVose(int[] candidates, double[] weights)
    {
        var items = new List<int>();
        var scaled = new List<double>();
        double total = 0;
        for (int i = 0; i < candidates.Length; i++)
        {
            if (weights[i] > 0 && double.IsFinite(weights[i]))
            {
                items.Add(candidates[i]);
                scaled.Add(weights[i]);
                total += weights[i];
            }
        }

        int n = items.Count;
        var probability = new double[n];
        var alias = new int[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = 0; i < n; i++)
        {
            scaled[i] = scaled[i] * n / total;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop();
            int l = large.Pop();
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }

        foreach (int i in large.Concat(small))
        {
            probability[i] = 1.0;
            alias[i] = i;
        }

        return (items.ToArray(), probability, alias);
    }

    private static Dictionary<int, int> Draw(AliasTable table, int n)
    {
        var counts = new Dictionary<int, int>();
        var stream = new RandomStream(7, 1, 2025, Purpose.DegreeChoices);
        for (int k = 0; k < n; k++)
        {
            int item = table.Sample(stream.NextDouble());
            counts[item] = counts.GetValueOrDefault(item) + 1;
        }

        return counts;
    }

    private static void AssertMatches(int[] items, double[] weights, Dictionary<int, int> counts, int n)
    {
        double total = weights.Sum();
        double chiSquare = 0;
        int cells = 0;
        for (int i = 0; i < items.Length; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            double expected = n * weights[i] / total;
            double observed = counts.GetValueOrDefault(items[i]);
            chiSquare += (observed - expected) * (observed - expected) / expected;
            cells++;
        }

        double bound = ChiSquared.InvCDF(cells - 1, 0.9999);
        Assert.True(chiSquare < bound, $"chi-square {chiSquare:F1} over {cells} cells exceeds {bound:F1}: counts {string.Join(", ", counts.OrderBy(x => x.Key))}");
    }
}
