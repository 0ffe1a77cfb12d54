namespace Mobility.Experiments.Survey;

/// <summary>One coefficient of a logistic regression: estimate (log odds per unit of the predictor), standard error, Wald z and two-sided p.</summary>
public sealed record LogisticCoefficient(string Name, double Estimate, double StandardError, double Z, double P);
