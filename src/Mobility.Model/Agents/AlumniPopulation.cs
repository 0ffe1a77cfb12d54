namespace Mobility.Model.Agents;

/// <summary>
/// Graduates who studied abroad (for a degree or for credit): the carriers of image and of internationally
/// trained human capital. Graduates who never left are kept as per-country totals (count and skill) because
/// nothing in the model distinguishes one of them from another.
/// </summary>
public sealed class AlumniPopulation
{
    public AlumniPopulation(int capacity)
    {
        Resize(Math.Max(capacity, 1024));
    }

    public int Count { get; private set; }

    public byte[] Origin { get; private set; } = [];

    public byte[] Residence { get; private set; } = [];

    public byte[] StudiedIn { get; private set; } = [];

    public float[] Skill { get; private set; } = [];

    public float[] Attitude { get; private set; } = [];

    public void Add(byte origin, byte residence, byte studiedIn, float skill, float attitude)
    {
        if (Count == Origin.Length)
        {
            Resize(Count * 2);
        }

        Origin[Count] = origin;
        Residence[Count] = residence;
        StudiedIn[Count] = studiedIn;
        Skill[Count] = skill;
        Attitude[Count] = attitude;
        Count++;
    }

    public static int BytesPerAlumnus => 3 + 8;

    private void Resize(int size)
    {
        Origin = ArrayGrowth.Grow(Origin, size);
        Residence = ArrayGrowth.Grow(Residence, size);
        StudiedIn = ArrayGrowth.Grow(StudiedIn, size);
        Skill = ArrayGrowth.Grow(Skill, size);
        Attitude = ArrayGrowth.Grow(Attitude, size);
    }
}
