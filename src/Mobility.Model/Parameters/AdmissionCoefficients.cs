namespace Mobility.Model.Parameters;

/// <summary>How grant availability is measured for the mobility probabilities.</summary>
public sealed class AdmissionCoefficients
{
    /// <summary>
    /// A funding programme counts as fully available (aidAvailable = 1) when its awards reach this share of the
    /// country's yearly entry cohort; smaller programmes count proportionally.
    /// </summary>
    public double FullAidShareOfCohort { get; set; } = 0.02;
}
