namespace Mobility.Model.Metrics;

/// <summary>What a metric's values count, which decides how they are written and drawn.</summary>
public enum MetricUnit
{
    /// <summary>A score on 0..1 (images, the soft power score).</summary>
    Score,

    /// <summary>A share on 0..1, written in percent; its changes in percentage points.</summary>
    Share,

    /// <summary>Persons (students, graduates, scholars): written as whole persons.</summary>
    Persons,

    /// <summary>US dollars.</summary>
    Usd,

    /// <summary>A world rank (1 is best).</summary>
    Rank,

    /// <summary>A number of things other than persons (universities): whole numbers.</summary>
    Count,

    /// <summary>Summed skill of persons (human capital): skill x persons, written like persons.</summary>
    SkillPersons,
}
