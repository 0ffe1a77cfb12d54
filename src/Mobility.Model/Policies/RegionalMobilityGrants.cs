namespace Mobility.Model.Policies;

using Mobility.Model.World;

/// <summary>Grants for mobility inside the region (to member-country universities).</summary>
public sealed class RegionalMobilityGrants : PolicyLever
{
    /// <summary>Member countries whose students receive grants (empty = all members).</summary>
    public string[] Countries { get; set; } = [];

    /// <summary>Grants per year per participating country (persons).</summary>
    public double GrantsPerYear { get; set; }

    public double AmountUsd { get; set; } = 5000;

    /// <summary>What the grants fund: "credit", "degree" or "both" (<see cref="GrantKind"/>).</summary>
    public string Kind { get; set; } = "both";

    /// <summary>Share of the grants that fund scholar visits inside the region instead of students.</summary>
    public double ScholarShare { get; set; } = 0.1;

    public override LeverDescription Describe() => new(
        "Grants for degree and credit mobility, and scholar visits, inside the region.",
        new SettingList<RegionalMobilityGrants>()
            .Members(x => x.Countries, "member countries whose students receive grants (empty = all members)")
            .Number(x => x.GrantsPerYear, 0, LeverBounds.PersonsPerYear, "persons per year", "grants a year in each participating country")
            .Number(x => x.AmountUsd, 0, LeverBounds.UsdPerPerson, "USD per grant", "amount of one grant")
            .Choice<GrantKind>(x => x.Kind, "what the students' grants fund (both = half degrees, half credit stays)", lowerCase: true)
            .Number(x => x.ScholarShare, 0, 1, "", "share of the grants that fund scholar visits instead of students"));

    /// <summary>Two streams per participating country: its degree grants, then its credit grants.</summary>
    public override IEnumerable<StreamClaim> StreamClaims(LeverInstance instance, WorldData world)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (int o in Participants(world, Countries))
        {
            yield return new StreamClaim(StreamOwner(instance, world, o), (uint)(o * 64) + StreamClaim.NameHash(instance.Name), 2);
        }
    }

    /// <summary>
    /// Per participant: degree grants stochasticRound(toStudents*d/scale), credit grants stochasticRound(toStudents*(1-d)/scale)
    /// (d = 1, 0, 0.5 for degree, credit, both); the grant amount is the largest of the instances; the grants add to the
    /// credit-grant, scholar-grant and degree-aid availability.
    /// </summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var state = year.State;
        double fullAid = year.Settings.Admission.FullAidShareOfCohort;
        double toScholars = GrantsPerYear * ScholarShare;
        double toStudents = GrantsPerYear - toScholars;
        double degreeShare = SettingChoice.Parse<GrantKind>(Kind) switch
        {
            GrantKind.Degree => 1.0,
            GrantKind.Credit => 0.0,
            _ => 0.5,
        };
        foreach (int o in Participants(year.World, Countries))
        {
            string stream = StreamOwner(instance, year.World, o);
            state.DegreeGrantAgents[o] += year.RoundToAgents(toStudents * degreeShare, stream, 0);
            state.CreditGrantAgents[o] += year.RoundToAgents(toStudents * (1 - degreeShare), stream, 1);
            state.GrantAmountUsd[o] = Math.Max(state.GrantAmountUsd[o], AmountUsd);
            state.CreditGrantAvailability[o] = Math.Min(1, state.CreditGrantAvailability[o] + year.AidShare(o, toStudents * (1 - degreeShare)));
            state.ScholarGrantAvailability[o] = Math.Min(1, state.ScholarGrantAvailability[o] + (toScholars / Math.Max(1, year.StaffPersons(o) * fullAid)));
            state.AddDegreeAid(o, year.AidShare(o, toStudents * degreeShare));
        }
    }

    private static string StreamOwner(LeverInstance instance, WorldData world, int country) => $"{instance.Path}:{world.Countries[country].Code}";
}
