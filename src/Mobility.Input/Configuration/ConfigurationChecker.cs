namespace Mobility.Input.Configuration;

using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

/// <summary>
/// Walks a configuration tree alongside the settings types before binding, so that every misspelt key and every
/// value of the wrong type is reported at once, with its full path and the file (or variable, or option) that set it.
/// The binder's own <c>ErrorOnUnknownConfiguration</c> stays on as a safety net, but it stops at the first problem
/// and names only the property, not the path.
/// </summary>
public sealed class ConfigurationChecker
{
    private readonly Func<string, string> sourcesOf;
    private readonly List<string> problems = [];

    public ConfigurationChecker(Func<string, string> sourcesOf)
    {
        this.sourcesOf = sourcesOf;
    }

    public IReadOnlyList<string> Check(IConfiguration configuration, Type rootType, IReadOnlySet<string> ignoredRootKeys)
    {
        problems.Clear();
        foreach (IConfigurationSection child in configuration.GetChildren())
        {
            if (!ignoredRootKeys.Contains(child.Key))
            {
                CheckMember(child, rootType, "");
            }
        }

        return problems;
    }

    /// <summary>
    /// Checks a section against the property it names. A known key is named in messages by its documented path
    /// (the properties' camelCase names), not in the casing of the layer that set it (an environment variable's key is
    /// upper case: <c>SCENARIO:SEED</c>); an unknown key is named as it was written.
    /// </summary>
    private void CheckMember(IConfigurationSection section, Type ownerType, string parent)
    {
        PropertyInfo? property = FindProperty(ownerType, section.Key);
        if (property is null)
        {
            string suggestion = Suggest(ownerType, section.Key);
            problems.Add($"unknown key '{section.Path}'{suggestion} (set in {sourcesOf(section.Path)})");
            return;
        }

        CheckValue(section, property.PropertyType, Join(parent, CamelCase(property.Name)));
    }

    private static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}:{key}";

    private void CheckValue(IConfigurationSection section, Type type, string path)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        Type scalar = underlying ?? type;
        bool hasChildren = section.GetChildren().Any();
        if (IsScalar(scalar))
        {
            if (hasChildren)
            {
                problems.Add($"{path} must be a single value, not a section (set in {sourcesOf(path)})");
                return;
            }

            string? value = section.Value;
            if (value is null || scalar == typeof(string) || (underlying is not null && value.Length == 0))
            {
                return;
            }

            if (!Converts(scalar, value))
            {
                problems.Add($"{path} must be {Expectation(scalar)} (was '{value}'; set in {sourcesOf(path)})");
            }

            return;
        }

        if (!string.IsNullOrEmpty(section.Value) && !hasChildren)
        {
            string kind = IsList(type, out _) ? "a list [ ... ]" : "a section { ... }";
            problems.Add($"{path} must be {kind}, not a single value (was '{section.Value}'; set in {sourcesOf(path)})");
            return;
        }

        if (IsDictionary(type, out Type? valueType))
        {
            foreach (IConfigurationSection entry in section.GetChildren())
            {
                CheckValue(entry, valueType, $"{path}:{entry.Key}");
            }

            return;
        }

        if (IsList(type, out Type? itemType))
        {
            foreach (IConfigurationSection item in section.GetChildren())
            {
                if (!int.TryParse(item.Key, out int index) || index < 0)
                {
                    problems.Add($"{path} is a list; '{path}:{item.Key}' must be an index 0, 1, ... (set in {sourcesOf($"{path}:{item.Key}")})");
                    continue;
                }

                CheckValue(item, itemType, $"{path}:{item.Key}");
            }

            return;
        }

        foreach (IConfigurationSection child in section.GetChildren())
        {
            CheckMember(child, type, path);
        }
    }

    private static PropertyInfo? FindProperty(Type type, string key)
        => Properties(type).FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<PropertyInfo> Properties(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0);

    private static string Suggest(Type type, string key)
    {
        var best = Properties(type)
            .Select(p => (Name: CamelCase(p.Name), Distance: Distance(key.ToLowerInvariant(), p.Name.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        int allowed = Math.Max(1, Math.Min(3, key.Length / 3));
        if (best.Name is not null && best.Distance <= allowed)
        {
            return $" (did you mean '{best.Name}'?)";
        }

        var known = Properties(type).Select(p => CamelCase(p.Name)).ToArray();
        return known.Length is > 0 and <= 12 ? $" (known keys here: {string.Join(", ", known)})" : "";
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static bool IsScalar(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan);

    private static bool IsDictionary(Type type, out Type valueType)
    {
        Type? dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is not null && dictionary.GetGenericArguments()[0] == typeof(string))
        {
            valueType = dictionary.GetGenericArguments()[1];
            return true;
        }

        valueType = typeof(object);
        return false;
    }

    private static bool IsList(Type type, out Type itemType)
    {
        if (type.IsArray)
        {
            itemType = type.GetElementType()!;
            return true;
        }

        Type? enumerable = type.IsGenericType && type != typeof(string)
            ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            : null;
        if (enumerable is not null)
        {
            itemType = enumerable.GetGenericArguments()[0];
            return true;
        }

        itemType = typeof(object);
        return false;
    }

    private static bool Converts(Type type, string value)
    {
        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string Expectation(Type type)
    {
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        if (type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) || type == typeof(byte))
        {
            return "a whole number >= 0";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(sbyte))
        {
            return "a whole number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        return "a value of type " + type.Name;
    }
}
