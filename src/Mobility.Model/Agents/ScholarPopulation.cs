namespace Mobility.Model.Agents;

/// <summary>Academic staff of member-country universities, as a struct of arrays.</summary>
public sealed class ScholarPopulation
{
    public ScholarPopulation(int count)
    {
        Count = count;
        Id = new int[count];
        Country = new byte[count];
        University = new short[count];
        Productivity = new float[count];
        Host = new short[count];
        VisitYearsLeft = new byte[count];
        Links = new float[count];
        Flags = new byte[count];
    }

    public int Count { get; }

    public int[] Id { get; }

    public byte[] Country { get; }

    public short[] University { get; }

    /// <summary>Research productivity (0..1).</summary>
    public float[] Productivity { get; }

    /// <summary>University visited this year, or -1 when at home.</summary>
    public short[] Host { get; }

    public byte[] VisitYearsLeft { get; }

    /// <summary>Foreign collaboration links (decaying count).</summary>
    public float[] Links { get; }

    /// <summary>Bit 0: speaks English.</summary>
    public byte[] Flags { get; }

    public bool IsVisiting(int i) => Host[i] >= 0;
}
