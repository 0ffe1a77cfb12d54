namespace Mobility.Model.Agents;

/// <summary>Where an active student is this year. Graduates and dropouts leave the student arrays.</summary>
public enum StudentStatus : byte
{
    AtHome = 0,
    DegreeAbroad = 1,
    CreditAbroad = 2,
}
