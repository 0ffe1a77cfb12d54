namespace Mobility.Model.Policies;

using Mobility.Model.World;

/// <summary>
/// Where a lever instance reports the problems its settings' own ranges cannot express (relations between two
/// settings, an id that must be new). Every problem names its configuration path.
/// </summary>
public sealed class LeverCheck
{
    private readonly Action<string> add;

    public LeverCheck(string path, WorldData world, Action<string> add)
    {
        Path = path;
        World = world;
        this.add = add;
    }

    /// <summary>The instance's configuration path, e.g. <c>policies:hostQuota:rus-tjk</c>.</summary>
    public string Path { get; }

    public WorldData World { get; }

    /// <summary>The configuration path of one of the instance's settings.</summary>
    public string At(string key) => $"{Path}:{key}";

    /// <summary>Reports a problem; it should start with a path (<see cref="At"/>) and say what was expected.</summary>
    public void Add(string problem) => add(problem);

    public static string Format(double value) => SettingDescriptor.Format(value);
}
