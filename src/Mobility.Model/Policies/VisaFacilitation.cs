namespace Mobility.Model.Policies;

/// <summary>Student visas between members are eased: the visa barrier falls by <see cref="Reduction"/>.</summary>
public sealed class VisaFacilitation : PolicyLever
{
    /// <summary>Member countries that take part (empty = all members).</summary>
    public string[] Countries { get; set; } = [];

    /// <summary>Relative reduction of the barrier (0..1).</summary>
    public double Reduction { get; set; } = 0.8;

    public override LeverDescription Describe() => new(
        "Student visas between members are eased: the visa barrier between participants falls by the reduction.",
        new SettingList<VisaFacilitation>()
            .Members(x => x.Countries, "member countries that take part (empty = all members)")
            .Number(x => x.Reduction, 0, 1, "", "relative reduction of the visa barrier between participants (1 = no barrier)"));

    /// <summary>Between participants: visa *= 1 - reduction.</summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var visa = year.State.Visa;
        ForEachPair(Participants(year.World, Countries), (o, h) => visa[o, h] *= 1 - Reduction);
    }
}
