namespace Mobility.Model.Agents;

/// <summary>
/// Active students as a struct of arrays (about 30 bytes per student), so that a phase streams only the
/// columns it needs. Index i is a slot; <see cref="Id"/> is the person's stable identity (random streams are keyed by it).
/// </summary>
public sealed class StudentPopulation
{
    public const short NoUniversity = -1;
    public const byte NoCountry = byte.MaxValue;

    public StudentPopulation(int capacity)
    {
        Resize(Math.Max(capacity, 1024));
    }

    public int Count { get; set; }

    public int[] Id { get; private set; } = [];

    public byte[] Origin { get; private set; } = [];

    /// <summary>University the student is enrolled at in the home system (an external origin's aggregate row for inbound students).</summary>
    public short[] Home { get; private set; } = [];

    /// <summary>University where the student is this year (equals <see cref="Home"/> at home).</summary>
    public short[] Host { get; private set; } = [];

    public StudyLevel[] Level { get; private set; } = [];

    public StudentStatus[] Status { get; private set; } = [];

    /// <summary>Years of the current programme already completed.</summary>
    public byte[] YearInProgramme { get; private set; } = [];

    public Funding[] Funding { get; private set; } = [];

    /// <summary>Years of work at home owed under a scholarship (0 = none).</summary>
    public byte[] Obligation { get; private set; } = [];

    /// <summary>Country of the last study abroad (degree or credit), or <see cref="NoCountry"/>.</summary>
    public byte[] AbroadCountry { get; private set; } = [];

    /// <summary>Bit 0: speaks English. Bit 1: starting a level this year (makes the degree-mobility decision).</summary>
    public byte[] Flags { get; private set; } = [];

    public float[] Ability { get; private set; } = [];

    public float[] Resources { get; private set; } = [];

    public float[] Skill { get; private set; } = [];

    /// <summary>Attitude toward the current or last host country (0..1).</summary>
    public float[] Attitude { get; private set; } = [];

    public const byte FlagEnglish = 1;
    public const byte FlagNewLevel = 2;

    public void EnsureCapacity(int needed)
    {
        if (needed > Id.Length)
        {
            Resize(Math.Max(needed, (int)(Id.Length * 1.5)));
        }
    }

    /// <summary>Copies slot <paramref name="from"/> onto slot <paramref name="to"/> (used to compact the arrays).</summary>
    public void Move(int from, int to)
    {
        Id[to] = Id[from];
        Origin[to] = Origin[from];
        Home[to] = Home[from];
        Host[to] = Host[from];
        Level[to] = Level[from];
        Status[to] = Status[from];
        YearInProgramme[to] = YearInProgramme[from];
        Funding[to] = Funding[from];
        Obligation[to] = Obligation[from];
        AbroadCountry[to] = AbroadCountry[from];
        Flags[to] = Flags[from];
        Ability[to] = Ability[from];
        Resources[to] = Resources[from];
        Skill[to] = Skill[from];
        Attitude[to] = Attitude[from];
    }

    /// <summary>Bytes of state per student slot.</summary>
    public static int BytesPerStudent => 4 + 1 + 2 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + (4 * 4);

    private void Resize(int size)
    {
        Id = ArrayGrowth.Grow(Id, size, Count);
        Origin = ArrayGrowth.Grow(Origin, size, Count);
        Home = ArrayGrowth.Grow(Home, size, Count);
        Host = ArrayGrowth.Grow(Host, size, Count);
        Level = ArrayGrowth.Grow(Level, size, Count);
        Status = ArrayGrowth.Grow(Status, size, Count);
        YearInProgramme = ArrayGrowth.Grow(YearInProgramme, size, Count);
        Funding = ArrayGrowth.Grow(Funding, size, Count);
        Obligation = ArrayGrowth.Grow(Obligation, size, Count);
        AbroadCountry = ArrayGrowth.Grow(AbroadCountry, size, Count);
        Flags = ArrayGrowth.Grow(Flags, size, Count);
        Ability = ArrayGrowth.Grow(Ability, size, Count);
        Resources = ArrayGrowth.Grow(Resources, size, Count);
        Skill = ArrayGrowth.Grow(Skill, size, Count);
        Attitude = ArrayGrowth.Grow(Attitude, size, Count);
    }
}
