namespace Mobility.Model.Policies;

/// <summary>Student visas between members are eased: the visa barrier falls by <see cref="Reduction"/>.</summary>
public sealed class VisaFacilitation : PolicyTimeline
{
    /// <summary>Member countries that take part (empty = all members).</summary>
    public string[] Countries { get; set; } = [];

    /// <summary>Relative reduction of the barrier (0..1).</summary>
    public double Reduction { get; set; } = 0.8;
}
