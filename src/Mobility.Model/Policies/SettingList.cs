namespace Mobility.Model.Policies;

using System.Collections;
using System.Linq.Expressions;
using Mobility.Model.Parameters;

/// <summary>
/// Builds the <see cref="SettingDescriptor"/>s of a settings class from its properties: the key is the property's
/// name in camelCase (what the JSON binds to), the default its value in a new instance; the caller states the
/// unit, the range or values and a one-line description, once.
/// </summary>
/// <typeparam name="T">The settings class (a lever, or an entry of one such as a branch campus).</typeparam>
public sealed class SettingList<T> : IReadOnlyList<SettingDescriptor>
    where T : new()
{
    private readonly List<SettingDescriptor> settings = [];
    private readonly T defaults = new();

    public int Count => settings.Count;

    public SettingDescriptor this[int index] => settings[index];

    public IEnumerator<SettingDescriptor> GetEnumerator() => settings.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <param name="unit">e.g. "persons per year"; empty for a share.</param>
    public SettingList<T> Number(Expression<Func<T, double>> property, double minimum, double maximum, string unit, string description, bool minimumExclusive = false)
        => Add(property, SettingType.Number, description, d => d with { Minimum = minimum, Maximum = maximum, MinimumExclusive = minimumExclusive, Unit = unit });

    public SettingList<T> WholeNumber(Expression<Func<T, int>> property, int minimum, int maximum, string unit, string description)
        => Add(property, SettingType.WholeNumber, description, d => d with { Minimum = minimum, Maximum = maximum, Unit = unit });

    public SettingList<T> Boolean(Expression<Func<T, bool>> property, string description)
        => Add(property, SettingType.Boolean, description);

    /// <summary>A year that must be set, or (with <paramref name="zeroMeansUnset"/>) 0 for "not set".</summary>
    public SettingList<T> Year(Expression<Func<T, int>> property, string description, bool zeroMeansUnset = false)
        => Add(property, SettingType.Year, description, YearRange(zeroMeansUnset));

    /// <summary>A year that may be left out.</summary>
    public SettingList<T> Year(Expression<Func<T, int?>> property, string description)
        => Add(property, SettingType.Year, description, YearRange(optional: true));

    /// <param name="lowerCase">Whether scenarios write the values in lower case ("credit") rather than as the enum names ("Master").</param>
    public SettingList<T> Choice<TEnum>(Expression<Func<T, string>> property, string description, bool lowerCase = false)
        where TEnum : struct, Enum
        => Add(property, SettingType.Choice, description, d => d with { AllowedValues = Names<TEnum>(lowerCase) });

    public SettingList<T> Choices<TEnum>(Expression<Func<T, string[]>> property, string description)
        where TEnum : struct, Enum
        => Add(property, SettingType.Choices, description, d => d with { AllowedValues = Names<TEnum>(lowerCase: false) });

    public SettingList<T> Country(Expression<Func<T, string>> property, string description, bool optional = false)
        => Add(property, SettingType.Country, description, d => d with { Optional = optional });

    public SettingList<T> Countries(Expression<Func<T, string[]>> property, string description)
        => Add(property, SettingType.Countries, description);

    public SettingList<T> Members(Expression<Func<T, string[]>> property, string description)
        => Add(property, SettingType.Members, description);

    public SettingList<T> University(Expression<Func<T, string>> property, string description)
        => Add(property, SettingType.University, description);

    public SettingList<T> Universities(Expression<Func<T, string[]>> property, string description)
        => Add(property, SettingType.Universities, description);

    public SettingList<T> CountryPairs(Expression<Func<T, Dictionary<string, int>>> property, int minimum, int maximum, string unit, string description)
        => Add(property, SettingType.CountryPairs, description, d => d with { Minimum = minimum, Maximum = maximum, Unit = unit });

    /// <summary>Named entries (a dictionary keyed by id), each described by <paramref name="entry"/>.</summary>
    public SettingList<T> Entries<TEntry>(Expression<Func<T, Dictionary<string, TEntry>>> property, string description, Func<SettingList<TEntry>, SettingList<TEntry>> entry)
        where TEntry : new()
    {
        var read = property.Compile(preferInterpretation: true);
        string key = KeyOf(property);
        settings.Add(new SettingDescriptor
        {
            Key = key,
            Type = SettingType.Entries,
            Description = description,
            Optional = true,
            Default = read(defaults).Keys.ToArray(),
            Entries = entry(new SettingList<TEntry>()),
            Read = o => read((T)o).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, (object)e.Value!)).ToList(),
        });
        return this;
    }

    private SettingList<T> Add<TValue>(Expression<Func<T, TValue>> property, SettingType type, string description, Func<SettingDescriptor, SettingDescriptor>? details = null)
    {
        var read = property.Compile(preferInterpretation: true);
        var descriptor = new SettingDescriptor
        {
            Key = KeyOf(property),
            Type = type,
            Description = description,
            Default = read(defaults),
            Read = o => read((T)o),
        };
        settings.Add(details is null ? descriptor : details(descriptor));
        return this;
    }

    private static Func<SettingDescriptor, SettingDescriptor> YearRange(bool optional)
        => d => d with { Minimum = SettingsValidator.MinYear, Maximum = SettingsValidator.MaxYear, Optional = optional };

    private static string[] Names<TEnum>(bool lowerCase)
        where TEnum : struct, Enum
        => Enum.GetNames<TEnum>().Select(n => lowerCase ? n.ToLowerInvariant() : n).ToArray();

    private static string KeyOf<TValue>(Expression<Func<T, TValue>> property)
    {
        Expression body = property.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : property.Body;
        if (body is not MemberExpression { Member: System.Reflection.PropertyInfo member })
        {
            throw new ArgumentException($"a setting must be a property of {typeof(T).Name}, e.g. x => x.Level (was {property})", nameof(property));
        }

        return char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
    }
}
