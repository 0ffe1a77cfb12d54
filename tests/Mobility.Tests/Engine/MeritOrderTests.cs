namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;
using Mobility.Engine.Numerics;
using Mobility.Engine.Phases;
using Mobility.Engine.State;

/// <summary>The parallel radix sort of the merit order gives exactly the order of a plain sort of the keys.</summary>
public sealed class MeritOrderTests
{
    // Every student of a spun-up population (about 36 thousand at scale 30 after three years of the history, i.e. three chunks, so the per-chunk
    // digit counts and offsets are exercised) ordered by merit with 2 threads, against Array.Sort of the same keys.
    [Fact]
    public void Merit_order_equals_sorting_the_keys()
    {
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=30", "scenario:endYear=2025");
        var step = new YearStep(loaded.World, loaded.Settings, threads: 2, new Dictionary<string, double>());
        for (int year = step.State.FirstYear; year < step.State.FirstYear + 3; year++)
        {
            step.Run(year);
        }

        var s = step.State;
        var slots = Enumerable.Range(0, s.Students.Count).ToList();
        Assert.True(slots.Count > 2 * ChunkedParallel.ChunkSize, $"only {slots.Count} students");

        int[] actual = new MeritOrder().Sort(s, slots, fundedFirst: true).ToArray();

        var keys = slots.Select(i => MeritOrder.Key(s.Seed, s.Students.Id[i], s.Students.Ability[i], FundingPriority.Of(s.Students.Funding[i]), s.Year)).ToArray();
        var expected = Enumerable.Range(0, slots.Count).ToArray();
        Array.Sort(keys, expected);
        Assert.Equal(expected, actual);
    }

    // Applicants of equal ability form runs of equal rank that are ordered by their hashes: short runs (abilities
    // rounded to 1/4096: about ten students per value) and long ones (seven values: thousands per value).
    [Theory]
    [InlineData(4096f)]
    [InlineData(7f)]
    public void Runs_of_equal_ability_are_ordered_by_the_tie_breaking_hash(float levels)
    {
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=30", "scenario:endYear=2025");
        var step = new YearStep(loaded.World, loaded.Settings, threads: 2, new Dictionary<string, double>());
        step.Run(step.State.FirstYear);
        var s = step.State;
        var ability = s.Students.Ability;
        for (int i = 0; i < s.Students.Count; i++)
        {
            ability[i] = MathF.Round(ability[i] * levels) / levels;
        }

        var slots = Enumerable.Range(0, s.Students.Count).ToList();
        int[] actual = new MeritOrder().Sort(s, slots, fundedFirst: false).ToArray();

        var keys = slots.Select(i => MeritOrder.Key(s.Seed, s.Students.Id[i], ability[i], 0, s.Year)).ToArray();
        Assert.True(keys.Distinct().Count() == keys.Length, "equal keys: the fallback, not the runs, would be tested");
        Assert.True(keys.Select(k => k >> 32).Distinct().Count() < keys.Length / 2, "too few equal ranks");
        var expected = Enumerable.Range(0, slots.Count).ToArray();
        Array.Sort(keys, expected);
        Assert.Equal(expected, actual);
    }
}
