namespace Mobility.Engine.Measurement;

/// <summary>
/// Where every agent who ever entered is at the end of a year; <see cref="Balanced"/> is the conservation law
/// (entered = active students + mobile alumni + domestic alumni + dropouts).
/// </summary>
public readonly record struct PopulationLedger(
    int Year, long Entered, long ActiveStudents, long MobileAlumni, long DomesticAlumni, long Dropouts, long Scholars)
{
    public bool Balanced => Entered == ActiveStudents + MobileAlumni + DomesticAlumni + Dropouts;
}
