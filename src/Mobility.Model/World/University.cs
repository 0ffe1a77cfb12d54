namespace Mobility.Model.World;

/// <summary>A university (or a country's aggregate of other institutions) as published data describe it.</summary>
/// <param name="Country">Index of its country in <see cref="World.Countries"/>.</param>
/// <param name="Capacity">Student places (persons).</param>
/// <param name="ForeignSeats">Places open to foreign students (persons).</param>
/// <param name="QsRank">Published QS world rank, or null when unranked.</param>
/// <param name="Indicators">The nine indicator scores (0..100) in <see cref="Indicator"/> order.</param>
/// <param name="IsAggregate">True for the "other institutions" row of a country, which is never ranked.</param>
public sealed record University(
    string Id,
    string Name,
    int Country,
    double Capacity,
    double ForeignSeats,
    double TuitionUsd,
    LanguageSet Languages,
    double Staff,
    int? QsRank,
    IReadOnlyList<double> Indicators,
    bool IsAggregate);
