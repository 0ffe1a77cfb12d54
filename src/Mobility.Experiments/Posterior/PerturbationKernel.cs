namespace Mobility.Experiments.Posterior;

using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

/// <summary>
/// The multivariate normal perturbation kernel of Beaumont et al. (2009): a proposal is a particle of the previous
/// population, picked with probability equal to its weight, moved by N(0, k Sigma), where Sigma is that population's
/// weighted covariance times a scale (twice it is the choice of Beaumont et al. 2009 and Filippi et al. 2013 for
/// rejection ABC-SMC; annealed ABC-SMC uses less, <see cref="AbcSmcOptions.KernelScale"/>). The Cholesky factor L (MathNet) turns standard normal
/// draws into the move; the mixture density of a proposal is computed in whitened coordinates L^-1 theta, where each
/// component is a standard normal.
/// </summary>
public sealed class PerturbationKernel
{
    private readonly Population previous;
    private readonly Matrix<double> factor;
    private readonly double[][] whitenedParticles;
    private readonly double logNormaliser;

    public PerturbationKernel(Population previous, double scale = 2)
    {
        this.previous = previous;
        int d = previous.Dimension;
        Matrix<double> covariance = scale * previous.Covariance();

        // With fewer particles than coefficients, or particles that agree on a coefficient, the weighted covariance is
        // singular and has no Cholesky factor. Then the diagonal is loaded by a growing share of itself (shrinking the
        // kernel toward independent moves) until the factorisation exists.
        Vector<double> diagonal = covariance.Diagonal();
        double floor = 1e-12 * Math.Max(1e-300, diagonal.Maximum());
        Matrix<double> loading = Matrix<double>.Build.DiagonalOfDiagonalVector(diagonal.Map(v => Math.Max(v, floor)));
        Matrix<double>? found = null;
        foreach (double share in new[] { 0, 1e-9, 1e-6, 1e-3, 1e-1, 1 })
        {
            Matrix<double> candidate = covariance + (share * loading);
            for (int k = 0; k < d; k++)
            {
                candidate[k, k] = Math.Max(candidate[k, k], floor);
            }

            try
            {
                found = candidate.Cholesky().Factor;
                covariance = candidate;
                break;
            }
            catch (ArgumentException)
            {
                // Not positive definite yet: load more.
            }
        }

        Covariance = covariance;
        factor = found ?? throw new InvalidOperationException("the perturbation kernel's covariance could not be factorised");
        Matrix<double> whitened = factor.Solve(previous.Matrix().Transpose());
        whitenedParticles = Enumerable.Range(0, previous.Count).Select(i => whitened.Column(i).ToArray()).ToArray();
        logNormaliser = -(factor.Diagonal().Sum(Math.Log) + (0.5 * d * Math.Log(2 * Math.PI)));
    }

    /// <summary>The kernel's covariance, scale x Sigma.</summary>
    public Matrix<double> Covariance { get; }

    /// <summary>A proposal: an ancestor picked by weight, then moved; uses 1 + d uniforms of <paramref name="stream"/>.</summary>
    public double[] Propose(ref ParticleStream stream)
    {
        int ancestor = previous.Pick(stream.NextDouble());
        int d = previous.Dimension;
        var z = Vector<double>.Build.Dense(d);
        for (int k = 0; k < d; k++)
        {
            z[k] = Normal.InvCDF(0, 1, stream.NextDouble());
        }

        Vector<double> move = factor * z;
        double[] theta = previous.Thetas[ancestor].ToArray();
        for (int k = 0; k < d; k++)
        {
            theta[k] += move[k];
        }

        return theta;
    }

    /// <summary>ln of the proposal density sum_j w_j N(theta; theta_j, scale x Sigma), by log-sum-exp.</summary>
    public double LogMixtureDensity(double[] theta)
    {
        double[] z = factor.Solve(Vector<double>.Build.DenseOfArray(theta)).ToArray();
        var terms = new double[previous.Count];
        double max = double.NegativeInfinity;
        for (int j = 0; j < terms.Length; j++)
        {
            double w = previous.Weights[j];
            if (w <= 0)
            {
                terms[j] = double.NegativeInfinity;
                continue;
            }

            double squared = 0;
            double[] zj = whitenedParticles[j];
            for (int k = 0; k < z.Length; k++)
            {
                double diff = z[k] - zj[k];
                squared += diff * diff;
            }

            terms[j] = Math.Log(w) - (0.5 * squared);
            max = Math.Max(max, terms[j]);
        }

        double sum = 0;
        foreach (double t in terms)
        {
            sum += Math.Exp(t - max);
        }

        return logNormaliser + max + Math.Log(sum);
    }
}
