namespace Mobility.Model.Policies;

/// <summary>A named instance of a lever, e.g. <c>nationalScholarship</c> "bolashak".</summary>
/// <param name="Lever">The lever's key in <c>policies</c> (camelCase).</param>
/// <param name="Name">The instance's name, its key in the lever's dictionary.</param>
public readonly record struct LeverInstance(string Lever, string Name)
{
    /// <summary>The configuration path, e.g. <c>policies:nationalScholarship:bolashak</c>.</summary>
    public string Path => $"policies:{Lever}:{Name}";
}
