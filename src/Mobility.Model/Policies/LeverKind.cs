namespace Mobility.Model.Policies;

using System.Linq.Expressions;
using Mobility.Model.World;

/// <summary>
/// A lever as a whole: its key under <c>policies</c>, its summary and settings (start and end first), and its
/// instances in a scenario, always taken in ordinal order of their names. <see cref="PolicySettings.Levers"/> lists
/// every lever in the order the policy phase resolves them.
/// </summary>
public sealed class LeverKind
{
    private readonly Func<PolicySettings, IEnumerable<KeyValuePair<string, PolicyLever>>> instances;

    private LeverKind(string key, LeverDescription description, Func<PolicySettings, IEnumerable<KeyValuePair<string, PolicyLever>>> instances)
    {
        Key = key;
        Summary = description.Summary;
        Settings = description.Settings;
        this.instances = instances;
    }

    /// <summary>The key under <c>policies</c> (camelCase), e.g. <c>nationalScholarship</c>.</summary>
    public string Key { get; }

    public string Summary { get; }

    /// <summary>Every setting of an instance: <c>start</c>, <c>end</c>, then the lever's own.</summary>
    public IReadOnlyList<SettingDescriptor> Settings { get; }

    /// <summary>The lever whose instances are the dictionary <paramref name="instances"/> of <see cref="PolicySettings"/>.</summary>
    public static LeverKind Of<T>(Expression<Func<PolicySettings, Dictionary<string, T>>> instances)
        where T : PolicyLever, new()
    {
        ArgumentNullException.ThrowIfNull(instances);
        if (instances.Body is not MemberExpression { Member.Name: string property })
        {
            throw new ArgumentException($"a lever must be a property of {nameof(PolicySettings)} (was {instances})", nameof(instances));
        }

        var description = new T().Describe();
        var timeline = new SettingList<T>()
            .Year(x => x.Start, "first year the lever is in force (0 = from the first simulated year)", zeroMeansUnset: true)
            .Year(x => x.End, "last year the lever is in force, inclusive (unset = to the end of the run)");
        var read = instances.Compile(preferInterpretation: true);
        return new LeverKind(
            char.ToLowerInvariant(property[0]) + property[1..],
            description with { Settings = [.. timeline, .. description.Settings] },
            p => read(p).Select(x => KeyValuePair.Create(x.Key, (PolicyLever)x.Value)));
    }

    /// <summary>The configured instances, in ordinal order of their names.</summary>
    public IEnumerable<(LeverInstance Instance, PolicyLever Lever)> Instances(PolicySettings policies)
        => instances(policies).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => (new LeverInstance(Key, x.Key), x.Value));

    /// <summary>Applies every instance in force in the year, in name order.</summary>
    public void Apply(PolicySettings policies, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        foreach (var (instance, lever) in Instances(policies))
        {
            if (lever.IsActive(year.Year))
            {
                lever.Apply(instance, year);
            }
        }
    }

    public IEnumerable<StreamClaim> StreamClaims(PolicySettings policies, WorldData world)
        => Instances(policies).SelectMany(x => x.Lever.StreamClaims(x.Instance, world));

    public IEnumerable<OpenedUniversity> OpenedUniversities(PolicySettings policies, WorldData world)
        => Instances(policies).SelectMany(x => x.Lever.OpenedUniversities(x.Instance, world));
}
