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
        Origin = Grow(Origin, size);
        Residence = Grow(Residence, size);
        StudiedIn = Grow(StudiedIn, size);
        Skill = Grow(Skill, size);
        Attitude = Grow(Attitude, size);
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        var grown = new T[size];
        Array.Copy(array, grown, Math.Min(array.Length, Math.Min(size, array.Length)));
        return grown;
    }
}
