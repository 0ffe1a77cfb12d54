namespace Mobility.Model.Policies;

/// <summary>Mutual recognition of credits and degrees between members; makes credit mobility region-wide.</summary>
public sealed class RegionalCreditRecognition : PolicyLever
{
    /// <summary>Member countries that join (empty = all members).</summary>
    public string[] Countries { get; set; } = [];

    /// <summary>Recognition level between the participants (0..1).</summary>
    public double Level { get; set; } = 0.8;

    public override LeverDescription Describe() => new(
        "Mutual recognition of credits and degrees between members: recognition rises to the level and every pair has an agreement.",
        new SettingList<RegionalCreditRecognition>()
            .Members(x => x.Countries, "member countries that join (empty = all members)")
            .Number(x => x.Level, 0, 1, "", "recognition between the participants (0 = none, 1 = full)"));

    /// <summary>Between participants: recognition = max(recognition, level); agreement = true.</summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var state = year.State;
        ForEachPair(Participants(year.World, Countries), (o, h) =>
        {
            state.Recognition[o, h] = Math.Max(state.Recognition[o, h], Level);
            state.Agreement[o, h] = true;
        });
    }
}
