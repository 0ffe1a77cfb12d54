namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;
using Mobility.Engine.Numerics;
using Mobility.Engine.Phases;
using Mobility.Engine.Random;

/// <summary>
/// Step 4 skips the logit of an entrant whose Philox word is at or above its origin's bound for the year
/// (<see cref="MobilityDecisions.EntrantWordBound"/>). That keeps every decision only if no entrant of the origin, of
/// any ability, resources, English and home university, goes abroad with such a word: the words that take are those
/// below WordsBelow(p) of the entrant's probability p, so WordsBelow(p) must never exceed the bound.
/// </summary>
public sealed class EntrantWordBoundTests
{
    private static readonly float[] Edges = [0f, float.Epsilon, 0.25f, 0.5f, MathF.BitDecrement(1f), 1f];

    /// <summary>The shipped coefficients, and each of ability, resources and the quality gap with its sign turned.</summary>
    public static TheoryData<string[]> Coefficients => new()
    {
        Array.Empty<string>(),
        new[] { "degreeMobility:aAbility=-1.5" },
        new[] { "degreeMobility:aResources=-2" },
        new[] { "degreeMobility:aGap=-2" },
        new[] { "degreeMobility:aAbility=-1.5", "degreeMobility:aResources=-2", "degreeMobility:aGap=-2", "degreeMobility:a0=1" },
    };

    [Theory]
    [MemberData(nameof(Coefficients))]
    public void No_entrant_goes_abroad_with_a_word_at_or_above_its_origins_bound(string[] coefficients)
    {
        var loaded = EngineTestKit.Load("baseline", ["scenario:scale=200", "scenario:endYear=2025", .. coefficients]);
        var step = new YearStep(loaded.World, loaded.Settings, EngineTestKit.Threads, []);
        var s = step.State;

        // A whole first year, then the second year up to its entry (which sets the bounds and enrols the entrants).
        step.Run(s.FirstYear);
        step.Begin(s.FirstYear + 1);
        int entry = step.IndexOf("entry");
        for (int phase = 0; phase < entry; phase++)
        {
            step.RunPhase(phase);
        }

        int firstEntrant = s.Students.Count;
        step.RunPhase(entry);
        var decisions = step.Decisions;
        var st = s.Students;
        Assert.True(st.Count > firstEntrant, "the year enrolled no one");

        // Every entrant the year enrolled.
        for (int i = firstEntrant; i < st.Count; i++)
        {
            bool english = (st.Flags[i] & Mobility.Model.Agents.StudentPopulation.FlagEnglish) != 0;
            AssertBelowBound(decisions, st.Origin[i], st.Ability[i], st.Resources[i], english, st.Home[i]);
        }

        // Every entrant a member could enrol: each home university, the edges of ability and resources, with and
        // without English.
        var universities = s.Universities;
        for (int o = 0; o < s.CountryCount; o++)
        {
            if (!s.IsMember[o])
            {
                continue;
            }

            Assert.True(decisions.EntrantBound(o) < 1UL << 32, $"origin {o}: the bound leaves out no word");
            for (int home = 0; home < universities.Count; home++)
            {
                if (universities.Country[home] != o)
                {
                    continue;
                }

                foreach (float ability in Edges)
                {
                    foreach (float resources in Edges)
                    {
                        AssertBelowBound(decisions, o, ability, resources, english: false, home);
                        AssertBelowBound(decisions, o, ability, resources, english: true, home);
                    }
                }
            }
        }
    }

    [Fact]
    public void Without_a_largest_logit_every_word_is_below_the_bound()
    {
        Assert.Equal(1UL << 32, MobilityDecisions.EntrantWordBound(double.NaN));
        Assert.Equal(1UL << 32, MobilityDecisions.EntrantWordBound(double.PositiveInfinity));
    }

    [Fact]
    public void The_bound_lies_just_above_the_largest_probability()
    {
        ulong bound = MobilityDecisions.EntrantWordBound(-1.0);
        Assert.True(bound >= UniformDraw.WordsBelow(Logistic.Sigmoid(-1.0)));
        Assert.True(bound <= UniformDraw.WordsBelow(Logistic.Sigmoid(-1.0) + 1e-6));
    }

    private static void AssertBelowBound(MobilityDecisions decisions, int o, float ability, float resources, bool english, int home)
    {
        double logit = decisions.EntrantLogit(o, ability, resources, english, home);
        ulong taking = UniformDraw.WordsBelow(Logistic.Sigmoid(logit));
        Assert.True(
            taking <= decisions.EntrantBound(o),
            $"origin {o}, ability {ability:R}, resources {resources:R}, English {english}, home {home}: logit {logit:R}, {taking} words take, bound {decisions.EntrantBound(o)}");
    }
}
