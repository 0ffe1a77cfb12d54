namespace Mobility.Experiments.Calibration;

/// <summary>
/// Which kind of flow a published figure counts, by its origin and destination relative to the member countries:
/// the fit is reported per group because the levers act on some more than others (a regional grant on flows between
/// members, education export on flows into them), and the groups are not predicted equally well.
/// </summary>
public enum FlowGroup
{
    /// <summary>Members' students in a country outside the region (e.g. Uzbek students in Korea).</summary>
    MembersAbroad,

    /// <summary>Members' students in another member (e.g. Uzbek students in Kazakhstan).</summary>
    BetweenMembers,

    /// <summary>Students from outside the region in a member (e.g. Indian students in Kyrgyzstan).</summary>
    IntoMembers,

    /// <summary>A total over all origins or all destinations (e.g. all foreign students in Kazakhstan).</summary>
    Totals,

    /// <summary>A country's own enrolment (origin = destination), and any pair outside the region.</summary>
    Other,
}
