namespace Mobility.Model.Policies;

/// <summary>
/// Text settings that name one value of an enum (a grant's kind, a study level): scenarios write the name in any
/// letter case; numbers are not names, so "1" is refused as a value, unlike <see cref="Enum.Parse(Type, string, bool)"/>.
/// </summary>
public static class SettingChoice
{
    /// <summary>The value named by <paramref name="text"/>; false when it names none.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (TEnum candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value named by <paramref name="text"/>, which validation has already accepted.</summary>
    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum
        => TryParse(text, out TEnum value)
            ? value
            : throw new ArgumentException($"'{text}' is not one of {Describe(Enum.GetNames<TEnum>())}; validation should have refused it", nameof(text));

    /// <summary>"a, b or c".</summary>
    public static string Describe(IReadOnlyList<string> values)
        => values.Count <= 1 ? string.Join("", values) : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];
}
