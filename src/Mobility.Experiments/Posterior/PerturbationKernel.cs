namespace Mobility.Experiments.Posterior;

using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

/// <summary>
/// The multivariate normal perturbation kernel of Beaumont et al. (2009): a proposal is a particle of the previous
/// population, picked with probability equal to its weight, moved by N(0, 2 Sigma), where Sigma is that population's
/// weighted covariance (twice it is the choice that minimises the Kullback-Leibler divergence between the proposal and
/// the next target, Beaumont et al. 2009, Filippi et al. 2013). The Cholesky factor L (MathNet) turns standard normal
/// draws into the move; the mixture density of a proposal is computed in whitened coordinates L^-1 theta, where each
/// component is a standard normal.
/// </summary>
public sealed class PerturbationKernel
{
    private readonly Population previous;
    private readonly Matrix<double> factor;
    private readonly double[][] whitenedParticles;
    private readonly double logNormaliser;

    public PerturbationKernel(Population previous)
    {
        this.previous = previous;
        int d = previous.Dimension;
        Matrix<double> covariance = 2 * previous.Covariance();

        // A coefficient that every particle shares (a degenerate population) has no spread to perturb with: give it a
        // tiny one so the factorisation exists; such a population has converged in that coefficient anyway.
        double scale = Math.Max(1e-300, covariance.Diagonal().Maximum());
        for (int k = 0; k < d; k++)
        {
            covariance[k, k] = Math.Max(covariance[k, k], 1e-12 * scale);
        }

        Covariance = covariance;
        factor = covariance.Cholesky().Factor;
        Matrix<double> whitened = factor.Solve(previous.Matrix().Transpose());
        whitenedParticles = Enumerable.Range(0, previous.Count).Select(i => whitened.Column(i).ToArray()).ToArray();
        logNormaliser = -(factor.Diagonal().Sum(Math.Log) + (0.5 * d * Math.Log(2 * Math.PI)));
    }

    /// <summary>The kernel's covariance, 2 Sigma.</summary>
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

    /// <summary>ln of the proposal density sum_j w_j N(theta; theta_j, 2 Sigma), by log-sum-exp.</summary>
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
