namespace Mobility.Model.Policies;

/// <summary>Sanctions, conflict or a pandemic make a destination less attractive or close it.</summary>
public sealed class DestinationShock : PolicyLever
{
    public string Country { get; set; } = "";

    /// <summary>Multiplier of the destination's attractiveness in every choice (0..1; 1 = no effect).</summary>
    public double AttractivenessMultiplier { get; set; } = 0.5;

    /// <summary>Closed destinations admit nobody while the shock lasts.</summary>
    public bool Closed { get; set; }

    public override LeverDescription Describe() => new(
        "Sanctions, conflict or a pandemic make a destination less attractive, or close it.",
        new SettingList<DestinationShock>()
            .Country(x => x.Country, "the destination hit by the shock")
            .Number(x => x.AttractivenessMultiplier, 0, 1, "", "multiplier of the destination's attractiveness in every choice (1 = no effect)")
            .Boolean(x => x.Closed, "whether the destination admits nobody while the shock lasts"));

    /// <summary>shock(h) *= multiplier; closed(h) |= closed.</summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        int h = year.World.CountryIndex(Country);
        year.State.ShockMultiplier[h] *= AttractivenessMultiplier;
        year.State.Closed[h] |= Closed;
    }
}
