namespace Mobility.Model.World.Series;

/// <summary>What a series variable measures: the entities it applies to, its unit and its valid range.</summary>
public sealed record SeriesVariableInfo(SeriesVariable Variable, SeriesEntityKind Entities, string Unit, double Min, double Max, string Meaning)
{
    public string Code => EnumCodes<SeriesVariable>.Code(Variable);
}
