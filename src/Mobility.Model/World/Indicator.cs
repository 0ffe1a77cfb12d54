namespace Mobility.Model.World;

/// <summary>The nine QS-style ranking indicators, in the order of their weights in <c>RankingWeights</c>.</summary>
public enum Indicator
{
    AcademicReputation = 0,
    EmployerReputation = 1,
    FacultyStudent = 2,
    Citations = 3,
    InternationalFaculty = 4,
    InternationalStudents = 5,
    InternationalResearchNetwork = 6,
    EmploymentOutcomes = 7,
    Sustainability = 8,
}

public static class Indicators
{
    public const int Count = 9;
}
