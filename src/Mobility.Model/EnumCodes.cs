namespace Mobility.Model;

using System.Text;

/// <summary>
/// The codes data files use for the members of an enum: the member name in snake_case
/// (<c>TertiaryEnrolment</c> is <c>tertiary_enrolment</c>), so that a file's vocabulary and the code's are one list.
/// </summary>
public static class EnumCodes<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> CodeByValue =
        Enum.GetValues<TEnum>().ToDictionary(value => value, value => SnakeCase(value.ToString()));

    private static readonly Dictionary<string, TEnum> ValueByCode =
        CodeByValue.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every code, in the order of the enum's members.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<TEnum>().Select(value => CodeByValue[value]).ToArray();

    public static string Code(TEnum value) => CodeByValue[value];

    /// <summary>The member whose code is <paramref name="code"/> (case-insensitive).</summary>
    public static bool TryParse(string code, out TEnum value) => ValueByCode.TryGetValue(code.Trim(), out value);

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
