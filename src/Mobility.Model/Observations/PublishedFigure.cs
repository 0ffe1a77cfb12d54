namespace Mobility.Model.Observations;

/// <summary>
/// One row of the observation set (<c>scenarios/observations/observations.csv</c>): a figure read in a named source,
/// with the phrase it was read from. <see cref="Year"/> is the calendar year in which the academic year starts
/// (2024 = 2024/25); <see cref="AcademicYear"/> is what the source wrote. <see cref="AllCountries"/> ("*") on either
/// side means all countries but the other side.
/// </summary>
/// <param name="Line">The line of the file the row was read from (for messages).</param>
public sealed record PublishedFigure(
    string Id,
    string Origin,
    string Destination,
    int Year,
    string AcademicYear,
    FigureKind Kind,
    FigureMeasure Measure,
    double Value,
    SourceConfidence Confidence,
    string SourceTitle,
    string SourceUrl,
    string Quote,
    int Line)
{
    public const string AllCountries = "*";
}
