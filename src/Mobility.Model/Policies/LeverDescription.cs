namespace Mobility.Model.Policies;

/// <summary>What a lever is for, in one line, and its own settings (every lever also has <c>start</c> and <c>end</c>).</summary>
/// <param name="Summary">One line for documentation and user interfaces.</param>
/// <param name="Settings">Usually a <see cref="SettingList{T}"/> of the lever's settings class.</param>
public sealed record LeverDescription(string Summary, IReadOnlyList<SettingDescriptor> Settings);
