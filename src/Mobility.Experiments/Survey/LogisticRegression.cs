namespace Mobility.Experiments.Survey;

using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

/// <summary>
/// Maximum-likelihood logistic regression of a 0/1 outcome on predictors (with an intercept) by Newton's method
/// (iteratively reweighted least squares): beta += (X' W X)^-1 X' (y - p), W = diag(p (1 - p)). Standard errors are
/// the square roots of the diagonal of (X' W X)^-1 at the optimum, p-values two-sided Wald tests against N(0, 1).
/// </summary>
public static class LogisticRegression
{
    public static LogisticFit Fit(double[][] predictors, double[] outcome, IReadOnlyList<string> names, int maxIterations = 50, double tolerance = 1e-10)
    {
        int n = outcome.Length;
        int k = names.Count + 1;
        if (n <= k)
        {
            throw new ArgumentException($"{n} respondents are too few for {k} coefficients");
        }

        var x = Matrix<double>.Build.Dense(n, k, (i, j) => j == 0 ? 1 : predictors[i][j - 1]);
        var y = Vector<double>.Build.DenseOfArray(outcome);
        var beta = Vector<double>.Build.Dense(k);
        Matrix<double> information = Matrix<double>.Build.Dense(k, k);
        int iterations = 0;
        bool converged = false;
        while (iterations < maxIterations && !converged)
        {
            iterations++;
            var p = (x * beta).Map(v => 1 / (1 + Math.Exp(-v)));
            var w = p.Map(v => Math.Max(v * (1 - v), 1e-12));
            information = x.TransposeThisAndMultiply(x.MapIndexed((i, _, v) => v * w[i]));
            var step = information.Solve(x.TransposeThisAndMultiply(y - p));
            beta += step;
            converged = step.InfinityNorm() < tolerance * (1 + beta.InfinityNorm());
        }

        var covariance = information.Inverse();
        var coefficients = new List<LogisticCoefficient>();
        for (int j = 0; j < k; j++)
        {
            double se = Math.Sqrt(covariance[j, j]);
            double z = beta[j] / se;
            coefficients.Add(new LogisticCoefficient(j == 0 ? "(intercept)" : names[j - 1], beta[j], se, z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)))));
        }

        var fitted = (x * beta).Map(v => 1 / (1 + Math.Exp(-v)));
        double logLikelihood = 0;
        for (int i = 0; i < n; i++)
        {
            logLikelihood += (y[i] * Math.Log(Math.Max(fitted[i], 1e-300))) + ((1 - y[i]) * Math.Log(Math.Max(1 - fitted[i], 1e-300)));
        }

        return new LogisticFit(coefficients, n, iterations, converged, logLikelihood);
    }
}
