namespace Mobility.Model.World.Ties;

/// <summary>What a row of ties.csv counts; each kind has one unit (<see cref="TieKinds.Unit"/>).</summary>
public enum TieKind
{
    /// <summary>Citizens of the origin living in the destination (persons).</summary>
    MigrantStock,

    /// <summary>Citizens of the origin going to work in the destination in a year (persons per year).</summary>
    LabourMigrants,

    /// <summary>People of the origin's ethnic group living in the destination (persons), e.g. ethnic Uzbeks in Kyrgyzstan.</summary>
    CoEthnicPopulation,

    /// <summary>A minority living in the origin whose kin state is the destination (persons), e.g. Koryo-saram in Kazakhstan.</summary>
    KinMinority,

    /// <summary>Tuition a foreign student pays in the destination (USD per year; origin '*').</summary>
    TuitionUsd,
}
