namespace Mobility.Model.Observations;

/// <summary>What exactly a published figure counted (the <c>measure</c> column of observations.csv).</summary>
public enum FigureMeasure
{
    /// <summary>Students of the origin enrolled in the destination (a stock).</summary>
    Enrolled,

    /// <summary>All students enrolled in the country (origin = destination; a stock).</summary>
    TertiaryEnrolment,

    /// <summary>Persons leaving the origin to study that year, as the origin's border statistics count them.</summary>
    Departures,

    /// <summary>The same persons as seen by the host.</summary>
    Arrivals,

    /// <summary>New degree entrants abroad that year.</summary>
    Entrants,

    /// <summary>Credit-mobility (exchange) outflows that year.</summary>
    Credit,

    /// <summary>National-scholarship awards made that year.</summary>
    ScholarshipAwards,

    /// <summary>Students placed that year under intergovernmental agreements.</summary>
    Placements,

    /// <summary>Study invitations issued by the host that year.</summary>
    Invitations,

    /// <summary>National-scholarship holders enrolled (a stock of funded students only).</summary>
    ScholarshipHolders,
}
