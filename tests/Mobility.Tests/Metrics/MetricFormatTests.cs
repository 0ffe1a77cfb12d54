namespace Mobility.Tests.Metrics;

using System.Text.RegularExpressions;
using Mobility.Model.Metrics;

/// <summary>How a metric's values and changes are written for people: in its unit, persons as whole persons.</summary>
public partial class MetricFormatTests
{
    private static readonly Metric Persons = MetricCatalogue.InboundStudents;

    [Fact]
    public void A_change_in_persons_and_its_interval_are_whole_persons()
    {
        // Once printed as "+79 (95% CI 24.8 to 133)".
        Assert.Equal(("+79", "+25", "+133"), Persons.FormatEffect(79.4, 24.8, 133.2, signed: true));
        Assert.Equal(("79", "25", "133"), Persons.FormatEffect(79.4, 24.8, 133.2, signed: false));
        Assert.Equal("25", Persons.Format(24.8));
        Assert.Equal("-4,875", MetricCatalogue.NetBrainGain.Format(-4875));
    }

    /// <summary>The law: whatever the value, a count of persons is written as a whole number, or in k, M or bn.</summary>
    [Fact]
    public void Persons_are_never_written_with_a_fraction_of_a_person()
    {
        var random = new Random(14);
        for (int i = 0; i < 2000; i++)
        {
            double value = (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-2, 10));
            foreach (Metric metric in MetricCatalogue.All.Where(m => m.Unit is MetricUnit.Persons or MetricUnit.Count or MetricUnit.SkillPersons))
            {
                string text = metric.Format(value);
                var (change, low, high) = metric.FormatEffect(value, value / 2, value * 1.5, signed: true);
                foreach (string written in new[] { text, change, low, high })
                {
                    Assert.Matches(WholeOrScaled(), written);
                }
            }
        }
    }

    [Fact]
    public void An_effect_and_its_interval_share_one_scale()
    {
        // Not "+10.7k (+9,783 to +11.5k)".
        Assert.Equal(("+10.7k", "+9.8k", "+11.5k"), Persons.FormatEffect(10662.5, 9782.8, 11542.2, signed: true));
        Assert.Equal(("+$974.18M", "+$949.33M", "+$999.03M"), MetricCatalogue.ExportRevenueUsd.FormatEffect(974.18e6, 949.33e6, 999.03e6, signed: true));
    }

    [Fact]
    public void Shares_change_in_percentage_points_and_scores_keep_their_digits()
    {
        Assert.Equal("17.6%", MetricCatalogue.IntraRegionalShare.Format(0.176));
        Assert.Equal(("-1.5 pp", "-2.2 pp", "-0.8 pp"), MetricCatalogue.IntraRegionalShare.FormatEffect(-0.015, -0.022, -0.008, signed: true));
        Assert.Equal("0.687", MetricCatalogue.RegionalImage.Format(0.6871));
        Assert.Equal("0.0025", MetricCatalogue.RegionalImage.FormatChange(0.0025));
    }

    [Fact]
    public void Nothing_is_written_as_minus_zero()
    {
        Assert.Equal("0", Persons.Format(-0.3));
        Assert.Equal("0.0 pp", MetricCatalogue.IntraRegionalShare.FormatChange(-0.0001));
        Assert.Equal(("0", "-3", "+2"), Persons.FormatEffect(-0.2, -3, 2, signed: true));
    }

    [GeneratedRegex(@"^[+-]?\$?(\d{1,3}(,\d{3})*|\d+\.\d+(k|M|bn))$")]
    private static partial Regex WholeOrScaled();
}
