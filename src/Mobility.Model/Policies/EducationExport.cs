namespace Mobility.Model.Policies;

/// <summary>A country's drive to host more foreign students.</summary>
public sealed class EducationExport : PolicyTimeline
{
    public string Country { get; set; } = "";

    /// <summary>Yearly relative growth of foreign seats while active (compounded from the start year).</summary>
    public double ForeignSeatsGrowth { get; set; }

    /// <summary>Relative tuition discount for foreign students (0..1).</summary>
    public double TuitionDiscount { get; set; }

    /// <summary>Share of programmes taught in English (0..1): English speakers find that share taught in their language.</summary>
    public double EnglishTaughtShare { get; set; }

    /// <summary>Branch campuses of external universities opened in the country, keyed by a new campus id.</summary>
    public Dictionary<string, BranchCampus> BranchCampuses { get; set; } = new();
}

/// <summary>A new university hosted locally with its parent's reputation.</summary>
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
