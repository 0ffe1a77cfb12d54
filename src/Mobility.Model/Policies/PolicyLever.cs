namespace Mobility.Model.Policies;

using Mobility.Model.World;

/// <summary>
/// One instance of a policy lever, as a scenario configures it (the public properties of a subclass are its settings,
/// bound from <c>policies:&lt;lever&gt;:&lt;name&gt;</c>), and everything the lever is: what its settings mean and allow
/// (<see cref="Describe"/>, which the validator and user interfaces read), the checks its ranges cannot express,
/// the random streams it draws from, the universities it opens, and its effect on a year in force.
/// A new lever is a subclass registered in <see cref="PolicySettings"/>; see docs/extending.md.
/// </summary>
public abstract class PolicyLever : PolicyTimeline
{
    /// <summary>The lever's summary and settings; the same for every instance (called once, on a new instance).</summary>
    public abstract LeverDescription Describe();

    /// <summary>Reports what the settings' ranges cannot express (e.g. two settings that must differ). Ranges are checked before.</summary>
    public virtual void Check(LeverCheck check)
    {
    }

    /// <summary>
    /// Whether this instance and <paramref name="other"/>, of the same lever, contradict each other when in force in
    /// the same year (e.g. two levels for one country); the validator refuses such a pair.
    /// </summary>
    public virtual bool Contradicts(PolicyLever other) => false;

    /// <summary>The random streams the instance draws from, claimed once before the run (none by default).</summary>
    public virtual IEnumerable<StreamClaim> StreamClaims(LeverInstance instance, WorldData world) => [];

    /// <summary>Universities the instance adds to the world before the run (none by default).</summary>
    public virtual IEnumerable<OpenedUniversity> OpenedUniversities(LeverInstance instance, WorldData world) => [];

    /// <summary>Moves the year's <see cref="PolicyYear.State"/>; called only in years the instance is in force.</summary>
    public abstract void Apply(LeverInstance instance, PolicyYear year);

    /// <summary>Member countries named in a lever, ascending and without repeats (all members when the list is empty).</summary>
    protected static int[] Participants(WorldData world, string[] codes)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(codes);
        return codes.Length == 0
            ? world.MemberIndices().ToArray()
            : codes.Select(world.CountryIndex).Where(i => i >= 0).Distinct().Order().ToArray();
    }

    /// <summary>Calls <paramref name="action"/> for every ordered pair of distinct participants.</summary>
    protected static void ForEachPair(int[] members, Action<int, int> action)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(action);
        foreach (int o in members)
        {
            foreach (int h in members)
            {
                if (o != h)
                {
                    action(o, h);
                }
            }
        }
    }
}
