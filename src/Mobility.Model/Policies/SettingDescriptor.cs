namespace Mobility.Model.Policies;

/// <summary>
/// One setting of a lever as a user interface and the validator read it: its key below the instance
/// (<c>policies:&lt;lever&gt;:&lt;name&gt;:&lt;key&gt;</c>), what it holds, its unit, its allowed range or values, its
/// default and a one-line description. Built by <see cref="SettingList{T}"/> from the settings class's own property,
/// so the key is the property the JSON binds to and the default is the property's initial value.
/// </summary>
public sealed record SettingDescriptor
{
    /// <summary>camelCase key below the instance; entries of an <see cref="SettingType.Entries"/> setting are below <c>key:&lt;id&gt;</c>.</summary>
    public required string Key { get; init; }

    public required SettingType Type { get; init; }

    /// <summary>Unit of a number (e.g. "persons per year", "USD"); empty for shares, flags, codes and years.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Smallest allowed value of a number, whole number or year (null for other types).</summary>
    public double? Minimum { get; init; }

    /// <summary>Whether <see cref="Minimum"/> itself is excluded (e.g. a growth rate must be above -1).</summary>
    public bool MinimumExclusive { get; init; }

    /// <summary>
    /// Largest allowed value of a number, whole number or year (null for other types). For counts and amounts it
    /// is a plausible upper bound (docs/ODD.md, section 7.1): far above any real programme, but finite.
    /// </summary>
    public double? Maximum { get; init; }

    /// <summary>The values a <see cref="SettingType.Choice"/> or <see cref="SettingType.Choices"/> setting accepts, as scenarios write them.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>Whether the setting may be left unset (an empty code, a missing year; start 0 = in force from the first year).</summary>
    public bool Optional { get; init; }

    /// <summary>The value an instance has when the scenario does not set it.</summary>
    public object? Default { get; init; }

    public required string Description { get; init; }

    /// <summary>The settings of each entry of an <see cref="SettingType.Entries"/> setting.</summary>
    public IReadOnlyList<SettingDescriptor> Entries { get; init; } = [];

    internal Func<object, object?> Read { get; init; } = _ => null;

    /// <summary>The allowed range as text, e.g. "0 to 1", "> -1 and <= 1", or the allowed values; empty when neither applies.</summary>
    public string Range
    {
        get
        {
            if (AllowedValues.Count > 0)
            {
                return SettingChoice.Describe(AllowedValues);
            }

            if (Minimum is not double min || Maximum is not double max)
            {
                return "";
            }

            return MinimumExclusive ? $"> {Format(min)} and <= {Format(max)}" : $"{Format(min)} to {Format(max)}";
        }
    }

    /// <summary>
    /// The setting's value in a settings object of the type it describes (a lever instance, a branch campus): a double,
    /// int, int?, bool, string, string[], the pair dictionary, or, for entries, (id, entry) pairs in ordinal order of the ids.
    /// </summary>
    public object? ValueOf(object settings) => Read(settings);

    internal static string Format(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
