namespace Mobility.Model.Policies;

/// <summary>
/// What a lever setting holds. The validator picks its checks by it and a user interface its input; the bounds and
/// allowed values are in the <see cref="SettingDescriptor"/>.
/// </summary>
public enum SettingType
{
    /// <summary>A real number between <see cref="SettingDescriptor.Minimum"/> and <see cref="SettingDescriptor.Maximum"/>.</summary>
    Number,

    /// <summary>A whole number between <see cref="SettingDescriptor.Minimum"/> and <see cref="SettingDescriptor.Maximum"/>.</summary>
    WholeNumber,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A calendar year between <see cref="SettingDescriptor.Minimum"/> and <see cref="SettingDescriptor.Maximum"/>.</summary>
    Year,

    /// <summary>One of <see cref="SettingDescriptor.AllowedValues"/> (any letter case).</summary>
    Choice,

    /// <summary>A list whose items are each one of <see cref="SettingDescriptor.AllowedValues"/> (any letter case).</summary>
    Choices,

    /// <summary>A country code of the world data (countries.csv).</summary>
    Country,

    /// <summary>A list of country codes of the world data.</summary>
    Countries,

    /// <summary>A list of codes of member countries (region CentralAsia); empty means every member.</summary>
    Members,

    /// <summary>A university id of the world data (universities.csv).</summary>
    University,

    /// <summary>A list of university ids of the world data.</summary>
    Universities,

    /// <summary>
    /// Whole numbers keyed by a pair of country codes joined by '-' (e.g. "KAZ-UZB"), each between
    /// <see cref="SettingDescriptor.Minimum"/> and <see cref="SettingDescriptor.Maximum"/>.
    /// </summary>
    CountryPairs,

    /// <summary>Named entries, each with the settings in <see cref="SettingDescriptor.Entries"/> (e.g. branch campuses by id).</summary>
    Entries,
}
