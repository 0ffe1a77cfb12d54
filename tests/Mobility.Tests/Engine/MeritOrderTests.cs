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

    // Admission's funded-first order of the students and of applicants who are not agents yet, derived from the
    // students' order by merit alone, is exactly the order a full sort of all keys gives (every fifth student
    // funded; the extra applicants take the self-funded priority, one in three with the ability of a student, so that
    // equal ranks meet across the two groups and are ordered by their hashes).
    [Fact]
    public void Funded_first_order_from_the_merit_order_equals_sorting_all_keys()
    {
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=30", "scenario:endYear=2025");
        var step = new YearStep(loaded.World, loaded.Settings, threads: 2, new Dictionary<string, double>());
        for (int year = step.State.FirstYear; year < step.State.FirstYear + 3; year++)
        {
            step.Run(year);
        }

        var s = step.State;
        var st = s.Students;
        var slots = Enumerable.Range(0, st.Count).Where(i => i % 2 == 0).ToList();
        foreach (int i in slots.Where(i => i % 5 == 0))
        {
            st.Funding[i] = Mobility.Model.Agents.Funding.RegionalGrant;
        }

        int extra = 25_000;
        int[] extraIds = Enumerable.Range(s.NextAgentId, extra).ToArray();
        float[] extraAbility = Enumerable.Range(0, extra).Select(k => k % 3 == 0 ? st.Ability[slots[k % slots.Count]] : (float)((k * 0.618034) % 1)).ToArray();
        int self = FundingPriority.Of(Mobility.Model.Agents.Funding.Self);

        var byMerit = new MeritOrder();
        byMerit.Sort(s, slots, fundedFirst: false);
        int[] actual = new MeritOrder().SortFundedFirst(s, byMerit, slots, extra, extraIds, extraAbility, self).ToArray();

        var keys = slots.Select(i => MeritOrder.Key(s.Seed, st.Id[i], st.Ability[i], FundingPriority.Of(st.Funding[i]), s.Year))
            .Concat(Enumerable.Range(0, extra).Select(k => MeritOrder.Key(s.Seed, extraIds[k], extraAbility[k], self, s.Year))).ToArray();
        Assert.True(keys.Distinct().Count() == keys.Length, "equal keys: the fallback, not the merge, would be tested");
        var expected = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(keys, expected);
        Assert.Equal(expected, actual);
        Assert.Equal(new MeritOrder().Sort(s, slots, fundedFirst: true, extra, extraIds, extraAbility, self).ToArray(), actual);
    }
}
