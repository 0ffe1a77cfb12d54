namespace Mobility.Input.Observations;

/// <summary>
/// How well a cross-validation (<c>mobility fit --cross-validate</c>) predicted the pairs it held out, as the scenario
/// predicts a pair without a figure: the check, its median error factor and share within a factor 2 over the held-out
/// targets, and the median factor of the flows between member countries alone (the flows the regional levers act on;
/// null when the check held none out). Over several fold assignments the factors are the geometric means of theirs.
/// </summary>
public sealed record HeldOutFit(string Check, int Targets, double MedianFactor, double WithinFactorTwo, double? BetweenMembersFactor);
