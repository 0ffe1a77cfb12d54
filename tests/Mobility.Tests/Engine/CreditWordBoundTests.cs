namespace Mobility.Tests.Engine;

using Mobility.Engine.Numerics;
using Mobility.Engine.Phases;
using Mobility.Engine.Random;

/// <summary>
/// Step 5 skips the logit of a decider whose Philox word is at or above the year's bound
/// (<see cref="MobilityDecisions.CreditWordBound"/>). That keeps every decision only if no member student, of any
/// ability, takes a credit spell with such a word: the words that take are those below WordsBelow(p) of the
/// student's probability p, so WordsBelow(p) must never exceed the bound.
/// </summary>
public sealed class CreditWordBoundTests
{
    private static readonly float[] EdgeAbilities = [0f, float.Epsilon, 0.5f, MathF.BitDecrement(1f), 1f];

    [Fact]
    public void No_member_student_takes_with_a_word_at_or_above_the_bound()
    {
        var random = new System.Random(20261203);
        for (int year = 0; year < 2000; year++)
        {
            int countries = random.Next(1, 12);
            var logit = new double[countries];
            var member = new bool[countries];
            for (int o = 0; o < countries; o++)
            {
                logit[o] = (random.NextDouble() - 0.5) * (year % 10 == 0 ? 80 : 12);
                member[o] = random.Next(4) != 0;
            }

            // Positive, negative and zero ability coefficients.
            double cAbility = year % 7 == 0 ? 0 : (random.NextDouble() - 0.5) * 8;
            ulong bound = MobilityDecisions.CreditWordBound(logit, member, cAbility);
            for (int o = 0; o < countries; o++)
            {
                if (!member[o])
                {
                    continue;
                }

                for (int k = 0; k < 20; k++)
                {
                    float ability = k < EdgeAbilities.Length ? EdgeAbilities[k] : (float)random.NextDouble();

                    // The expression of MobilityDecisions.DecideCredit.
                    double p = Logistic.Sigmoid(logit[o] + (cAbility * (ability - 0.5)));
                    Assert.True(
                        UniformDraw.WordsBelow(p) <= bound,
                        $"origin logit {logit[o]:R}, coefficient {cAbility:R}, ability {ability:R}: {UniformDraw.WordsBelow(p)} words take, bound {bound}");
                }
            }
        }
    }

    [Fact]
    public void Only_member_origins_set_the_bound()
    {
        // A non-member origin's certain credit spell (its students are never credit deciders) must not lift the bound.
        ulong bound = MobilityDecisions.CreditWordBound([-4.0, 30.0], [true, false], cAbility: 1.0);
        Assert.True(bound < UniformDraw.WordsBelow(0.5));
        Assert.True(bound >= UniformDraw.WordsBelow(Logistic.Sigmoid(-4.0 + 0.5)));
    }

    [Fact]
    public void A_nan_logit_neither_lifts_nor_collapses_the_bound()
    {
        ulong withNan = MobilityDecisions.CreditWordBound([double.NaN, -3.0], [true, true], cAbility: 2.0);
        ulong without = MobilityDecisions.CreditWordBound([-3.0], [true], cAbility: 2.0);
        Assert.Equal(without, withNan);
    }

    [Fact]
    public void The_bound_leaves_out_most_words_when_credit_spells_are_rare()
    {
        // Logits of a few per cent, as in the calibrated baseline: most deciders need no logit at all.
        ulong bound = MobilityDecisions.CreditWordBound([-4.5, -3.8, -5.0], [true, true, true], cAbility: 1.0);
        Assert.True(bound < (ulong)(0.05 * 4294967296.0), $"bound {bound}");
    }
}
