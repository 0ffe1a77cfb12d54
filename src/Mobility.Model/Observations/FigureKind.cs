namespace Mobility.Model.Observations;

/// <summary>What kind of count a published figure is (the <c>kind</c> column of observations.csv).</summary>
public enum FigureKind
{
    /// <summary>Persons enrolled at one time (a stock).</summary>
    Stock,

    /// <summary>Persons counted over a calendar year (departures, entrants, awards ...).</summary>
    Flow,

    /// <summary>All students enrolled in a country's own higher education (origin = destination).</summary>
    Enrolment,
}
