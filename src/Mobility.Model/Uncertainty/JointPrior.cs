namespace Mobility.Model.Uncertainty;

/// <summary>The prior over all uncertain coefficients: independent marginals (the product of their densities).</summary>
public sealed class JointPrior
{
    public JointPrior(IReadOnlyList<CoefficientPrior> coefficients)
    {
        if (coefficients.Count == 0)
        {
            throw new ArgumentException("a prior needs at least one coefficient", nameof(coefficients));
        }

        Coefficients = coefficients;
    }

    public IReadOnlyList<CoefficientPrior> Coefficients { get; }

    public int Dimension => Coefficients.Count;

    public bool Contains(ReadOnlySpan<double> theta)
    {
        for (int k = 0; k < theta.Length; k++)
        {
            if (!Coefficients[k].Distribution.Contains(theta[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>ln of the (normalised, truncated) joint density; -inf outside the support.</summary>
    public double LogDensity(ReadOnlySpan<double> theta)
    {
        double sum = 0;
        for (int k = 0; k < theta.Length; k++)
        {
            sum += Coefficients[k].Distribution.LogDensity(theta[k]);
        }

        return sum;
    }

    /// <summary>The coefficients at the given probabilities, one uniform per coefficient (inverse CDF).</summary>
    public double[] Quantiles(ReadOnlySpan<double> uniforms)
    {
        var theta = new double[Dimension];
        for (int k = 0; k < theta.Length; k++)
        {
            theta[k] = Coefficients[k].Distribution.Quantile(uniforms[k]);
        }

        return theta;
    }
}
