namespace Mobility.Tests.Calibration;

using Mobility.Experiments.Calibration;
using Mobility.Model.Observations;

/// <summary>The kinds of flow the fit is reported by: which figure goes where, and that they split a fit without loss.</summary>
public class FlowGroupsTests
{
    private static readonly string[] Members = ["KAZ", "KGZ", "TJK", "TKM", "UZB"];

    private static Observation Figure(string id, string origin, string destination)
        => new(id, origin, destination, 2024, ObservationKind.Stock, 1000, "test", "");

    [Theory]
    [InlineData("UZB", "KOR", FlowGroup.MembersAbroad)]
    [InlineData("UZB", "KAZ", FlowGroup.BetweenMembers)]
    [InlineData("IND", "KGZ", FlowGroup.IntoMembers)]
    [InlineData("*", "KAZ", FlowGroup.Totals)]
    [InlineData("UZB", "*", FlowGroup.Totals)]
    [InlineData("KAZ", "KAZ", FlowGroup.Other)]
    [InlineData("CHN", "USA", FlowGroup.Other)]
    public void A_figure_belongs_to_the_group_of_its_origin_and_destination(string origin, string destination, FlowGroup expected)
        => Assert.Equal(expected, FlowGroups.Of(Figure("x", origin, destination), Members.ToHashSet()));

    [Fact]
    public void The_groups_split_a_fit_into_parts_that_add_up()
    {
        // Simulated values 2x, 1x, 4x, 1x and 0.5x of the figure: the two figures between members are off by 1x and 4x.
        FitRow Row(string id, string origin, string destination, double simulated) => new(Figure(id, origin, destination), simulated, simulated, simulated, [simulated]);
        var fit = Fit.Of([Row("a", "UZB", "KOR", 2000), Row("b", "UZB", "KAZ", 1000), Row("c", "TKM", "UZB", 4000), Row("d", "*", "KGZ", 1000), Row("e", "IND", "KAZ", 500)]);

        var groups = fit.ByFlowGroup(Members).ToDictionary(g => g.Group, g => g.Fit);

        Assert.Equal(FlowGroups.All, groups.Keys);
        Assert.Equal(fit.Rows.Count, groups.Values.Sum(g => g.Rows.Count));
        Assert.Equal(["b", "c"], groups[FlowGroup.BetweenMembers].Rows.Select(r => r.Observation.Id));
        Assert.Equal(Math.Log(4) / 2, groups[FlowGroup.BetweenMembers].MedianAbsoluteLogRatio, 12);
        Assert.Equal(Math.Log(2), groups[FlowGroup.IntoMembers].MedianAbsoluteLogRatio, 12);
        Assert.Empty(groups[FlowGroup.Other].Rows);
    }
}
