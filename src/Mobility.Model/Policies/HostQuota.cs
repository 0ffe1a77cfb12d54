namespace Mobility.Model.Policies;

using Mobility.Model.World;

/// <summary>Funded seats a host country offers to students of one origin each year (e.g. Russian quotas).</summary>
public sealed class HostQuota : PolicyLever
{
    public string Host { get; set; } = "";

    public string Origin { get; set; } = "";

    /// <summary>Funded seats per year (persons).</summary>
    public double SeatsPerYear { get; set; }

    /// <summary>
    /// Whether the scenario funds quota places of <paramref name="host"/> (or of any host, <c>*</c>) for students of
    /// <paramref name="origin"/>: a <c>policies:hostQuota</c> lever or a quota series of the world
    /// (<see cref="WorldData.ScholarshipQuotaPairs"/>), the two sources the engine awards quota seats from.
    /// </summary>
    public static bool Funds(PolicySettings policies, WorldData world, string origin, string host)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(world);
        bool Matches(string o, string h) => string.Equals(o, origin, StringComparison.OrdinalIgnoreCase)
            && (host == Observations.PublishedFigure.AllCountries || string.Equals(h, host, StringComparison.OrdinalIgnoreCase));
        return policies.HostQuota.Values.Any(q => Matches(q.Origin, q.Host))
            || world.ScholarshipQuotaPairs().Any(p => Matches(world.Countries[p.Origin].Code, world.Countries[p.Host].Code));
    }

    public override LeverDescription Describe() => new(
        "Funded seats a host country offers each year to students of one origin (e.g. Russia's quotas).",
        new SettingList<HostQuota>()
            .Country(x => x.Host, "the host country that funds the seats")
            .Country(x => x.Origin, "the origin country whose students may take them")
            .Number(x => x.SeatsPerYear, 0, LeverBounds.PersonsPerYear, "persons per year", "funded seats a year"));

    public override void Check(LeverCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.World.CountryIndex(Host) >= 0 && check.World.CountryIndex(Origin) >= 0 && string.Equals(Host, Origin, StringComparison.OrdinalIgnoreCase))
        {
            check.Add($"{check.At("origin")} must differ from {check.At("host")} (both '{Host}')");
        }
    }

    /// <summary>One stream: the year's seats.</summary>
    public override IEnumerable<StreamClaim> StreamClaims(LeverInstance instance, WorldData world)
        => [new StreamClaim(instance.Path, 0x20_0000 + StreamClaim.NameHash(instance.Name), 1)];

    /// <summary>stochasticRound(seatsPerYear/scale) funded places; aid(origin, level) += seatsPerYear/cohortRef for every level.</summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        int h = year.World.CountryIndex(Host);
        int o = year.World.CountryIndex(Origin);
        int seats = year.RoundToAgents(SeatsPerYear, instance.Path, 0);
        year.State.Quotas.Add(new QuotaProgramme(instance.Name, h, o, seats));
        year.State.AddDegreeAid(o, year.AidShare(o, SeatsPerYear));
    }
}
