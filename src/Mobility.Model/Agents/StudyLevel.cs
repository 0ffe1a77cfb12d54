namespace Mobility.Model.Agents;

public enum StudyLevel : byte
{
    Bachelor = 0,
    Master = 1,
    Phd = 2,
}

public static class StudyLevels
{
    /// <summary>Programme length in years: Bachelor 4, Master 2, PhD 4.</summary>
    public static int Length(StudyLevel level) => level switch
    {
        StudyLevel.Bachelor => 4,
        StudyLevel.Master => 2,
        _ => 4,
    };
}
