namespace Mobility.Model.Policies;

/// <summary>What regional mobility grants fund (scenarios write "credit", "degree" or "both").</summary>
public enum GrantKind
{
    Credit,
    Degree,

    /// <summary>Half of the students' grants fund degrees, half credit stays.</summary>
    Both,
}
