namespace Mobility.Model.Policies;

/// <summary>Joint degree programmes between country pairs: agreements, recognition and scholar links.</summary>
public sealed class JointDegrees : PolicyLever
{
    /// <summary>Programmes per country pair, keyed "KAZ-UZB" (order does not matter).</summary>
    public Dictionary<string, int> Programmes { get; set; } = new();

    /// <summary>Programmes per pair at which the recognition gain is full.</summary>
    public int FullEffectProgrammes { get; set; } = 20;

    /// <summary>Recognition added between the pair at full effect.</summary>
    public double RecognitionGain { get; set; } = 0.3;

    public override LeverDescription Describe() => new(
        "Joint degree programmes between country pairs: an agreement, recognition on top of any other, and a joint-programme share for scholar links.",
        new SettingList<JointDegrees>()
            .CountryPairs(x => x.Programmes, 0, LeverBounds.Programmes, "programmes", "joint programmes per country pair, keyed \"KAZ-UZB\" (order does not matter)")
            .WholeNumber(x => x.FullEffectProgrammes, 1, LeverBounds.Programmes, "programmes", "programmes per pair at which the recognition gain is full")
            .Number(x => x.RecognitionGain, 0, 1, "", "recognition added between the pair at full effect"));

    /// <summary>
    /// For each pair with n programmes, both directions: agreement; recognition = min(1, recognition + gain *
    /// min(1, n / fullEffectProgrammes)); then per country jointShare = min(1, its programmes / fullEffectProgrammes).
    /// </summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var state = year.State;
        var world = year.World;
        int full = Math.Max(1, FullEffectProgrammes);
        foreach (var (pair, count) in Programmes.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            var codes = pair.Split('-');
            int a = world.CountryIndex(codes[0]);
            int b = world.CountryIndex(codes[1]);
            double effect = Math.Min(1.0, count / (double)full);
            foreach (var (o, h) in new[] { (a, b), (b, a) })
            {
                state.JointProgrammes[o, h] += count;
                state.Agreement[o, h] = true;
                state.Recognition[o, h] = Math.Min(1.0, state.Recognition[o, h] + (RecognitionGain * effect));
            }
        }

        int c = state.JointShare.Length;
        for (int o = 0; o < c; o++)
        {
            double programmes = 0;
            for (int h = 0; h < c; h++)
            {
                programmes += state.JointProgrammes[o, h];
            }

            state.JointShare[o] = Math.Min(1.0, programmes / full);
        }
    }
}
