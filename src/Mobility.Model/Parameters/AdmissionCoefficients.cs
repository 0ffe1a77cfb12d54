namespace Mobility.Model.Parameters;

/// <summary>How grant availability is measured for the mobility probabilities.</summary>
public sealed class AdmissionCoefficients
{
    /// <summary>
    /// A funding programme counts as fully available (aidAvailable = 1) when its awards reach this share of the
    /// country's yearly entry cohort; smaller programmes count proportionally.
    /// </summary>
    public double FullAidShareOfCohort { get; set; } = 0.02;

    /// <summary>
    /// Supply rule of foreign seats (docs/ODD.md 7.6): the share of last year's excess demand a host whose fees cover
    /// the whole cost of a place (fee income share 1) adds to its foreign seats in a year.
    /// </summary>
    public double SeatExpansionRate { get; set; } = 0.3;

    /// <summary>Yearly tuition (USD) at which a host's fee income share is one half: share = tuition / (tuition + this).</summary>
    public double FeeReferenceUsd { get; set; } = 3000;
}
