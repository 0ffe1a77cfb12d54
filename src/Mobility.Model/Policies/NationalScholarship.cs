namespace Mobility.Model.Policies;

using Mobility.Model.Agents;
using Mobility.Model.World;

/// <summary>A merit scholarship for study abroad with a return obligation (Kazakhstan's Bolashak is the model).</summary>
public sealed class NationalScholarship : PolicyLever
{
    /// <summary>The rank estimate's worst value: eligibility below it would be the same as any university.</summary>
    public const int WorstRank = 5000;

    public string Country { get; set; } = "";

    /// <summary>Awards per year (persons).</summary>
    public double AwardsPerYear { get; set; }

    /// <summary>Only universities whose world rank is at most this are eligible (0 = any).</summary>
    public int EligibleTopRank { get; set; } = 200;

    /// <summary>Years the graduate must work at home.</summary>
    public int ReturnObligationYears { get; set; } = 5;

    /// <summary>Host countries on the programme's list (empty = any foreign country).</summary>
    public string[] Destinations { get; set; } = [];

    /// <summary>Levels the scholarship funds: any of "Bachelor", "Master", "Phd" (empty = Master and PhD).</summary>
    public string[] Levels { get; set; } = [];

    public override LeverDescription Describe() => new(
        "A merit scholarship for study abroad with a return obligation (Kazakhstan's Bolashak is the model).",
        new SettingList<NationalScholarship>()
            .Country(x => x.Country, "the country that funds the scholarship; its students receive it")
            .Number(x => x.AwardsPerYear, 0, LeverBounds.PersonsPerYear, "persons per year", "awards a year")
            .WholeNumber(x => x.EligibleTopRank, 0, WorstRank, "", "only universities whose world rank is at most this are eligible (0 = any university)")
            .WholeNumber(x => x.ReturnObligationYears, 0, 50, "years", "years a graduate must work at home (0 = no obligation)")
            .Countries(x => x.Destinations, "host countries on the programme's list (empty = any foreign country)")
            .Choices<StudyLevel>(x => x.Levels, "levels the scholarship funds (empty = Master and Phd)"));

    /// <summary>One stream: the year's awards.</summary>
    public override IEnumerable<StreamClaim> StreamClaims(LeverInstance instance, WorldData world)
        => [new StreamClaim(instance.Path, 0x10_0000 + StreamClaim.NameHash(instance.Name), 1)];

    /// <summary>stochasticRound(awardsPerYear/scale) awards for the listed levels and destinations; aid(o, level) += awardsPerYear/cohortRef for its levels.</summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var world = year.World;
        int o = world.CountryIndex(Country);
        var levels = new bool[3];
        if (Levels.Length == 0)
        {
            levels[(int)StudyLevel.Master] = true;
            levels[(int)StudyLevel.Phd] = true;
        }

        foreach (string level in Levels)
        {
            levels[(int)SettingChoice.Parse<StudyLevel>(level)] = true;
        }

        var destinations = new bool[world.Countries.Count];
        Array.Fill(destinations, Destinations.Length == 0);
        foreach (string code in Destinations)
        {
            destinations[world.CountryIndex(code)] = true;
        }

        int awards = year.RoundToAgents(AwardsPerYear, instance.Path, 0);
        year.State.Scholarships.Add(new ScholarshipProgramme(instance.Name, o, awards, EligibleTopRank, ReturnObligationYears, levels, destinations));
        year.State.AddDegreeAid(o, year.AidShare(o, AwardsPerYear), levels);
    }
}
