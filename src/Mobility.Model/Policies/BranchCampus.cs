namespace Mobility.Model.Policies;

/// <summary>A new university hosted locally with its parent's reputation (an entry of <see cref="EducationExport.BranchCampuses"/>).</summary>
public sealed class BranchCampus
{
    /// <summary>Id of the parent university in universities.csv.</summary>
    public string Parent { get; set; } = "";

    public double Capacity { get; set; } = 2000;

    public double ForeignSeats { get; set; } = 800;

    public double TuitionUsd { get; set; } = 12000;

    /// <summary>Opening year (defaults to the policy's start).</summary>
    public int? Opens { get; set; }
}
