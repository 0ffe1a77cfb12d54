namespace Mobility.Model.World.Ties;

/// <summary>A published migrant stock and what the fitted gravity relation gives for the same pair.</summary>
public sealed record GravityPair(int Origin, int Destination, double Observed, double Fitted)
{
    /// <summary>ln(fitted / observed).</summary>
    public double LogError => Math.Log(Fitted / Observed);
}
