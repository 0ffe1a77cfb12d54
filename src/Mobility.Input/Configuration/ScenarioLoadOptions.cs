namespace Mobility.Input.Configuration;

using System.Globalization;

/// <summary>
/// What is layered over the scenario files. The typed fields (<see cref="Seed"/>, <see cref="Scale"/>,
/// <see cref="SpinUpYears"/>, <see cref="EndYear"/>) are the commands' own options (<c>--seed</c>, <c>--scale</c>, a
/// fit's window of years); they form one layer between the environment and <see cref="Sets"/>, so that an explicit
/// <c>--set</c> of the same key still wins, and so that no command spells their configuration paths itself.
/// </summary>
public sealed class ScenarioLoadOptions
{
    /// <summary><c>scenario:seed</c>, e.g. from <c>--seed</c>.</summary>
    public ulong? Seed { get; init; }

    /// <summary><c>scenario:scale</c> (persons per agent), e.g. from <c>--scale</c>.</summary>
    public double? Scale { get; init; }

    /// <summary><c>scenario:spinUpYears</c>.</summary>
    public int? SpinUpYears { get; init; }

    /// <summary><c>scenario:endYear</c>.</summary>
    public int? EndYear { get; init; }

    /// <summary>
    /// How messages name where a typed field came from; <c>{0}</c> is the field's key (<c>seed</c>, <c>scale</c>, ...).
    /// Default <c>--{0}</c>, as the command-line options are named.
    /// </summary>
    public string TypedSource { get; init; } = "--{0}";

    /// <summary>
    /// <c>key=value</c> overrides, applied last; when a key is given more than once the last occurrence wins (keys
    /// compare case-insensitively, as configuration keys do). Keys are configuration paths with ':' separators
    /// (e.g. <c>degreeMobility:a0=-3</c>, <c>policies:nationalScholarship:bolashak:awardsPerYear=3000</c>).
    /// </summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>
    /// The environment to read <c>MOBILITY_*</c> variables from; null reads the process environment
    /// (tests pass a dictionary so that they do not depend on, or change, the process's variables).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The typed fields that are set, as configuration pairs: the one place their paths are written.</summary>
    internal IReadOnlyList<KeyValuePair<string, string?>> TypedLayer()
    {
        var c = CultureInfo.InvariantCulture;
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Seed is ulong seed)
        {
            pairs.Add(new("scenario:seed", seed.ToString(c)));
        }

        if (Scale is double scale)
        {
            pairs.Add(new("scenario:scale", scale.ToString("R", c)));
        }

        if (SpinUpYears is int spinUp)
        {
            pairs.Add(new("scenario:spinUpYears", spinUp.ToString(c)));
        }

        if (EndYear is int endYear)
        {
            pairs.Add(new("scenario:endYear", endYear.ToString(c)));
        }

        return pairs;
    }

    /// <summary>Names the source of a typed field's key in messages (e.g. <c>--scale</c>).</summary>
    internal string DescribeTyped(string key)
        => string.Format(CultureInfo.InvariantCulture, TypedSource, key[(key.LastIndexOf(':') + 1)..]);

    /// <summary>
    /// Splits <c>key=value</c> pairs, the last occurrence of a key winning (case-insensitively); reports malformed
    /// ones in <paramref name="problems"/>, each prefixed by <paramref name="label"/> (e.g. <c>--set</c>).
    /// </summary>
    public static List<KeyValuePair<string, string?>> ParseSets(IEnumerable<string> sets, string label, List<string> problems)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (string set in sets)
        {
            int equals = set.IndexOf('=', StringComparison.Ordinal);
            string key = equals > 0 ? set[..equals].Trim() : "";
            if (key.Length == 0)
            {
                problems.Add($"{label} '{set}' must have the form key=value, with ':' between sections (e.g. degreeMobility:a0=-3)");
                continue;
            }

            pairs.RemoveAll(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
            pairs.Add(new(key, set[(equals + 1)..]));
        }

        return pairs;
    }
}
