namespace Mobility.Experiments.Posterior;

using MathNet.Numerics.LinearAlgebra;

/// <summary>
/// A generation's particles: coefficients, the distance of each one's simulation, and normalised importance weights
/// (they sum to 1). Generation 0 is the prior sample, every particle with weight 1/N. A pool of several generations
/// (<see cref="AbcSmc"/>'s posterior) keeps each particle's generation in <see cref="GenerationOf"/>.
/// </summary>
public sealed class Population
{
    private readonly double[] cumulative;

    public Population(int generation, double[][] thetas, double[] distances, double[] weights)
        : this(Enumerable.Repeat(generation, thetas.Length).ToArray(), thetas, distances, weights)
    {
    }

    /// <param name="generations">Each particle's generation (a pool of generations); the population's <see cref="Generation"/> is the last of them.</param>
    public Population(int[] generations, double[][] thetas, double[] distances, double[] weights)
    {
        if (thetas.Length == 0 || thetas.Length != distances.Length || thetas.Length != weights.Length || thetas.Length != generations.Length)
        {
            throw new ArgumentException("a population needs as many distances and weights as particles, and at least one particle");
        }

        double total = weights.Sum();
        if (!(total > 0) || weights.Any(w => w < 0 || !double.IsFinite(w)))
        {
            throw new ArgumentException("population weights must be finite, non-negative and not all zero");
        }

        Generation = generations.Max();
        GenerationOf = generations;
        Thetas = thetas;
        Distances = distances;
        Weights = weights.Select(w => w / total).ToArray();
        cumulative = Cumulative();
    }

    /// <summary>The (last) generation the particles come from.</summary>
    public int Generation { get; }

    /// <summary>Each particle's generation: all <see cref="Generation"/> for one generation's population, several for a pool.</summary>
    public IReadOnlyList<int> GenerationOf { get; }

    public IReadOnlyList<double[]> Thetas { get; }

    public IReadOnlyList<double> Distances { get; }

    /// <summary>Normalised importance weights (sum 1).</summary>
    public IReadOnlyList<double> Weights { get; }

    public int Count => Thetas.Count;

    public int Dimension => Thetas[0].Length;

    /// <summary>Kish's effective sample size, 1 / sum w^2: how many equally weighted draws the population is worth.</summary>
    public double EffectiveSampleSize => 1 / Weights.Sum(w => w * w);

    /// <summary>The particles as an N x d matrix.</summary>
    public Matrix<double> Matrix() => Matrix<double>.Build.DenseOfRowArrays(Thetas);

    /// <summary>Weighted mean of each coefficient.</summary>
    public Vector<double> Mean() => Matrix().TransposeThisAndMultiply(Vector<double>.Build.DenseOfEnumerable(Weights));

    /// <summary>Weighted covariance, sum_i w_i (x_i - m)(x_i - m)^T (weights sum to 1).</summary>
    public Matrix<double> Covariance()
    {
        Matrix<double> x = Matrix();
        Vector<double> mean = Mean();
        Matrix<double> centred = x - Matrix<double>.Build.Dense(Count, Dimension, (_, k) => mean[k]);
        Matrix<double> weighted = Matrix<double>.Build.DiagonalOfDiagonalArray(Weights.ToArray()) * centred;
        return centred.TransposeThisAndMultiply(weighted);
    }

    /// <summary>
    /// The weighted p-quantile of coefficient <paramref name="coefficient"/>: the smallest particle value whose
    /// cumulative weight (particles sorted by that coefficient) reaches p.
    /// </summary>
    public double Quantile(int coefficient, double p) => WeightedQuantile(Thetas.Select(t => t[coefficient]).ToArray(), p);

    /// <summary>The weighted p-quantile of the particles' distances (as <see cref="Quantile"/>).</summary>
    public double DistanceQuantile(double p) => WeightedQuantile(Distances.ToArray(), p);

    /// <summary>The index drawn with probability proportional to the weights, by the uniform <paramref name="u"/> (inverse CDF).</summary>
    public int Pick(double u)
    {
        int index = Array.BinarySearch(cumulative, u * cumulative[^1]);

        // BinarySearch gives the complement of the first larger entry when u falls between two; an exact hit takes the
        // next particle, so that particles of weight 0 (equal neighbouring sums) are never picked.
        index = index >= 0 ? index + 1 : ~index;
        while (index < Count - 1 && Weights[index] <= 0)
        {
            index++;
        }

        return Math.Min(index, Count - 1);
    }

    private double[] Cumulative()
    {
        var sums = new double[Count];
        double sum = 0;
        for (int i = 0; i < Count; i++)
        {
            sum += Weights[i];
            sums[i] = sum;
        }

        return sums;
    }

    private double WeightedQuantile(double[] values, double p)
    {
        int[] order = Enumerable.Range(0, Count).OrderBy(i => values[i]).ToArray();
        double sum = 0;
        foreach (int i in order)
        {
            sum += Weights[i];
            if (sum >= p)
            {
                return values[i];
            }
        }

        return values[order[^1]];
    }
}
