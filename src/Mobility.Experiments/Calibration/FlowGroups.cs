namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;

/// <summary>Assigns a figure to its <see cref="FlowGroup"/> and names the groups as reports print them.</summary>
public static class FlowGroups
{
    /// <summary>The groups in the order reports list them.</summary>
    public static readonly IReadOnlyList<FlowGroup> All = [FlowGroup.MembersAbroad, FlowGroup.BetweenMembers, FlowGroup.IntoMembers, FlowGroup.Totals, FlowGroup.Other];

    public static FlowGroup Of(Observation observation, IReadOnlySet<string> members)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(members);
        string o = observation.Origin;
        string h = observation.Destination;
        if (o == Observation.AllCountries || h == Observation.AllCountries)
        {
            return FlowGroup.Totals;
        }

        bool fromMember = members.Contains(o);
        bool toMember = members.Contains(h);
        return o == h ? FlowGroup.Other
            : fromMember && toMember ? FlowGroup.BetweenMembers
            : fromMember ? FlowGroup.MembersAbroad
            : toMember ? FlowGroup.IntoMembers
            : FlowGroup.Other;
    }

    public static string Label(FlowGroup group) => group switch
    {
        FlowGroup.MembersAbroad => "members' students outside the region",
        FlowGroup.BetweenMembers => "between members",
        FlowGroup.IntoMembers => "from outside into members",
        FlowGroup.Totals => "totals (all origins or destinations)",
        _ => "enrolment at home and other",
    };
}
