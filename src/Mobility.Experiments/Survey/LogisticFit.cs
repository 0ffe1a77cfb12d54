namespace Mobility.Experiments.Survey;

/// <summary>A fitted logistic regression: its coefficients (intercept first), respondents used, Newton iterations and the log-likelihood.</summary>
public sealed record LogisticFit(IReadOnlyList<LogisticCoefficient> Coefficients, int N, int Iterations, bool Converged, double LogLikelihood);
