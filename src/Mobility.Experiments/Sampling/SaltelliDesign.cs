namespace Mobility.Experiments.Sampling;

/// <summary>
/// The Saltelli (2002, 2010) sampling scheme for Sobol indices: two independent n x k matrices A and B taken from
/// the first and last k coordinates of a 2k-dimensional Sobol sequence, and for every parameter i the matrix
/// AB_i (A with its column i taken from B). Points are laid out per row j as blocks of k + 2:
/// A_j, B_j, AB_j^1 .. AB_j^k, i.e. point j*(k+2) is A_j, j*(k+2)+1 is B_j and j*(k+2)+2+i is AB_j^i.
/// </summary>
public static class SaltelliDesign
{
    /// <summary>Points per base row: A, B and one AB per parameter.</summary>
    public static int BlockSize(int parameters) => parameters + 2;

    public static double[][] Sample(int baseSamples, int parameters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        if (2 * parameters > SobolSequence.MaxDimensions)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), $"the Saltelli scheme needs 2k <= {SobolSequence.MaxDimensions} Sobol dimensions");
        }

        int k = parameters;
        double[][] sobol = new SobolSequence(2 * k).Points(0, baseSamples);
        var points = new double[baseSamples * BlockSize(k)][];
        for (int j = 0; j < baseSamples; j++)
        {
            double[] a = sobol[j][..k];
            double[] b = sobol[j][k..];
            int at = j * BlockSize(k);
            points[at] = a;
            points[at + 1] = b;
            for (int i = 0; i < k; i++)
            {
                double[] ab = (double[])a.Clone();
                ab[i] = b[i];
                points[at + 2 + i] = ab;
            }
        }

        return points;
    }
}
