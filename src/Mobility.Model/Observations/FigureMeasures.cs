namespace Mobility.Model.Observations;

/// <summary>Facts about the measures of published figures.</summary>
public static class FigureMeasures
{
    /// <summary>The kind of count a measure is: enrolments and holders are stocks, all students of a country an
    /// enrolment, everything counted over a year a flow.</summary>
    public static FigureKind KindOf(FigureMeasure measure) => measure switch
    {
        FigureMeasure.Enrolled or FigureMeasure.ScholarshipHolders => FigureKind.Stock,
        FigureMeasure.TertiaryEnrolment => FigureKind.Enrolment,
        _ => FigureKind.Flow,
    };
}
