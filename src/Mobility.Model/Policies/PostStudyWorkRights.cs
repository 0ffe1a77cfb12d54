namespace Mobility.Model.Policies;

/// <summary>
/// A host country changes its post-study work rights from a year on (e.g. a graduate visa). Graduates abroad decide
/// to return home or stay with -graduation:gPsw * postStudyWork(host) in their logit, so more open rights keep more
/// of the host's foreign graduates (brain gain for the host, brain drain for their origins).
/// </summary>
public sealed class PostStudyWorkRights : PolicyLever
{
    /// <summary>The host country whose rights change.</summary>
    public string Country { get; set; } = "";

    /// <summary>How open the rights are from the start year (0 = none, 1 = fully open); replaces the world data's post_study_work.</summary>
    public double Level { get; set; } = 1;

    public override LeverDescription Describe() => new(
        "A host changes its post-study work rights from a year on; the level replaces the world's post_study_work in graduates' return decision.",
        new SettingList<PostStudyWorkRights>()
            .Country(x => x.Country, "the host country whose rights change")
            .Number(x => x.Level, 0, 1, "", "how open the rights are (0 = none, 1 = fully open), replacing countries.csv's post_study_work"));

    /// <summary>Two levels for one country in the same year would contradict each other.</summary>
    public override bool Contradicts(PolicyLever other)
        => other is PostStudyWorkRights rights && string.Equals(rights.Country, Country, StringComparison.OrdinalIgnoreCase);

    /// <summary>postStudyWork(h) = level.</summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        year.State.PostStudyWork[year.World.CountryIndex(Country)] = Level;
    }
}
