namespace Mobility.Model.World;

/// <summary>
/// A set of languages as a bit mask over the world's language registry (at most 64 languages),
/// so that "does this student speak a language taught here" is one AND on the hot path.
/// </summary>
public readonly record struct LanguageSet(ulong Bits)
{
    public static LanguageSet Empty => new(0);

    public bool Overlaps(LanguageSet other) => (Bits & other.Bits) != 0;

    public LanguageSet With(int languageIndex) => new(Bits | (1UL << languageIndex));

    public bool Contains(int languageIndex) => (Bits & (1UL << languageIndex)) != 0;

    public LanguageSet Union(LanguageSet other) => new(Bits | other.Bits);
}
