namespace Mobility.Tests.Reports;

using Mobility.Model.Metrics;
using Mobility.Reports.Comparison;

/// <summary>Value axes of the report's time series: noise must not look dramatic, and a flat series says so.</summary>
public class ValueAxisTests
{
    [Fact]
    public void A_count_axis_starts_at_zero_so_a_ten_person_wiggle_on_eighty_thousand_is_flat()
    {
        // Kyrgyzstan's inbound students once filled a 79.993k-80.003k axis.
        ValueAxis axis = ValueAxis.For(MetricCatalogue.InboundStudents, 79_993, 80_003);

        Assert.Equal(0, axis.Min);
        Assert.True(axis.Max > 80_003);
        Assert.True(axis.DoesNotMove(79_993, 80_003));
    }

    [Fact]
    public void A_count_that_goes_negative_keeps_zero_on_the_axis()
    {
        ValueAxis axis = ValueAxis.For(MetricCatalogue.NetBrainGain, -10_000, -2_000);

        Assert.True(axis.Min < -10_000);
        Assert.Equal(0, axis.Max);
    }

    [Fact]
    public void A_score_axis_spans_at_least_two_hundredths_so_noise_in_the_fourth_decimal_is_flat()
    {
        // Turkmenistan's image once filled a 0.47476-0.47492 axis.
        ValueAxis axis = ValueAxis.For(MetricCatalogue.RegionalImage, 0.47476, 0.47492);

        Assert.Equal(ValueAxis.MinimumScoreSpan, axis.Span, 12);
        Assert.InRange((axis.Min + axis.Max) / 2, 0.47476, 0.47492);
        Assert.True(axis.DoesNotMove(0.47476, 0.47492));
    }

    [Fact]
    public void A_real_move_is_drawn_on_its_own_range_and_is_not_called_flat()
    {
        ValueAxis axis = ValueAxis.For(MetricCatalogue.IntraRegionalShare, 0.14, 0.30);

        Assert.InRange(axis.Min, 0.12, 0.14);
        Assert.InRange(axis.Max, 0.30, 0.32);
        Assert.False(axis.DoesNotMove(0.16, 0.28));
    }

    [Fact]
    public void A_share_near_zero_stays_on_the_zero_to_one_scale()
    {
        ValueAxis axis = ValueAxis.For(MetricCatalogue.IntraRegionalShare, 0.001, 0.002);

        Assert.Equal(0, axis.Min);
        Assert.Equal(ValueAxis.MinimumShareSpan, axis.Max, 12);
    }

    [Fact]
    public void An_effect_axis_is_at_least_two_percent_of_the_level_wide_so_a_tiny_effect_looks_tiny()
    {
        // Turkmenistan's image moved by a few hundred-thousandths: its panel once spanned 0.0001.
        ValueAxis axis = ValueAxis.ForChanges(MetricCatalogue.RegionalImage, -0.00005, 0.00004, referenceLevel: 0.475);

        Assert.True(axis.Span >= ValueAxis.MinimumEffectFraction * 0.475);
        Assert.InRange(0, axis.Min, axis.Max);
    }

    [Fact]
    public void Positive_effects_widen_their_axis_upwards()
    {
        ValueAxis axis = ValueAxis.ForChanges(MetricCatalogue.RegionalImage, 0, 0.002, referenceLevel: 0.54);

        Assert.True(axis.Min > -0.002, $"{axis}");
        Assert.True(axis.Max >= ValueAxis.MinimumEffectFraction * 0.54, $"{axis}");
    }

    [Fact]
    public void Large_effects_keep_their_own_range()
    {
        ValueAxis axis = ValueAxis.ForChanges(MetricCatalogue.InboundStudents, -500, 120_000, referenceLevel: 33_000);

        Assert.InRange(axis.Min, -15_000, -500);
        Assert.InRange(axis.Max, 120_000, 135_000);
    }
}
