namespace Mobility.Model.World.Ties;

/// <summary>A slope of the diaspora gravity relation and its prior (mean and standard deviation).</summary>
public sealed record GravityTerm(string Name, double PriorMean, double PriorSd);
