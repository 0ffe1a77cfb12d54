namespace Mobility.Experiments.Sampling;

using System.Globalization;

/// <summary>
/// The (unscrambled) Sobol low-discrepancy sequence in up to <see cref="MaxDimensions"/> dimensions, with the
/// Joe-Kuo direction numbers new-joe-kuo-6.21201 (shipped as an embedded resource with its citation), generated in
/// Gray-code order with 32-bit integers as in Joe and Kuo's reference program. Point 0 is the origin.
/// </summary>
public sealed class SobolSequence
{
    private const int Bits = 32;
    private const string ResourceName = "Mobility.Experiments.Sampling.new-joe-kuo-6.21201-64.txt";

    private static readonly Lazy<(int Degree, uint Coefficients, uint[] Initial)[]> Table = new(ReadTable);

    /// <summary>Direction numbers per dimension: v[d][k] is the k-th (0-based) direction number, scaled to 32 bits.</summary>
    private readonly uint[][] directions;

    public SobolSequence(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Dimensions = dimensions;
        directions = new uint[dimensions][];
        var table = Table.Value;
        for (int d = 0; d < dimensions; d++)
        {
            var v = new uint[Bits];
            if (d == 0)
            {
                for (int k = 0; k < Bits; k++)
                {
                    v[k] = 1u << (Bits - 1 - k);
                }
            }
            else
            {
                var (s, a, m) = table[d - 1];
                for (int k = 0; k < Bits; k++)
                {
                    if (k < s)
                    {
                        v[k] = m[k] << (Bits - 1 - k);
                        continue;
                    }

                    // Recurrence of the primitive polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1.
                    uint value = v[k - s] ^ (v[k - s] >> s);
                    for (int j = 1; j < s; j++)
                    {
                        if (((a >> (s - 1 - j)) & 1) != 0)
                        {
                            value ^= v[k - j];
                        }
                    }

                    v[k] = value;
                }
            }

            directions[d] = v;
        }
    }

    /// <summary>Dimensions covered by the shipped direction numbers.</summary>
    public static int MaxDimensions => Table.Value.Length + 1;

    public int Dimensions { get; }

    /// <summary>Points <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1 of the sequence, each in [0, 1)^d.</summary>
    public double[][] Points(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var x = new uint[Dimensions];
        var points = new double[count][];
        // Gray-code order: point i differs from point i-1 by the direction number at the lowest zero bit of i-1,
        // so x for point i is the XOR of the direction numbers at the set bits of gray(i) = i ^ (i >> 1).
        uint gray = (uint)first ^ ((uint)first >> 1);
        for (int d = 0; d < Dimensions; d++)
        {
            uint value = 0;
            for (int k = 0; k < Bits; k++)
            {
                if (((gray >> k) & 1) != 0)
                {
                    value ^= directions[d][k];
                }
            }

            x[d] = value;
        }

        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                int bit = System.Numerics.BitOperations.TrailingZeroCount(~(uint)(first + i - 1));
                for (int d = 0; d < Dimensions; d++)
                {
                    x[d] ^= directions[d][bit];
                }
            }

            var point = new double[Dimensions];
            for (int d = 0; d < Dimensions; d++)
            {
                point[d] = x[d] / 4294967296.0;
            }

            points[i] = point;
        }

        return points;
    }

    private static (int Degree, uint Coefficients, uint[] Initial)[] ReadTable()
    {
        using Stream stream = typeof(SobolSequence).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<(int, uint, uint[])>();
        string? line;
        bool header = true;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            uint[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => uint.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            if (f[0] != rows.Count + 2 || f.Length != 3 + f[1])
            {
                throw new InvalidOperationException($"{ResourceName}: malformed row '{line}'");
            }

            rows.Add(((int)f[1], f[2], f[3..]));
        }

        return rows.ToArray();
    }
}
