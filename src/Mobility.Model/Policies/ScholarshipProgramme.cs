namespace Mobility.Model.Policies;

/// <summary>A national scholarship in force this year: awards in agents, eligibility and the return obligation.</summary>
/// <param name="Levels">Indexed by <see cref="Agents.StudyLevel"/>: the levels it funds.</param>
/// <param name="Destinations">Indexed by country: the hosts on its list.</param>
public sealed record ScholarshipProgramme(string Name, int Country, int AwardsAgents, int EligibleTopRank, int ObligationYears, bool[] Levels, bool[] Destinations);
