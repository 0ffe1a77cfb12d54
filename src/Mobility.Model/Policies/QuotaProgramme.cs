namespace Mobility.Model.Policies;

/// <summary>A host quota in force this year: funded seats (agents) at a host for one origin.</summary>
public sealed record QuotaProgramme(string Name, int Host, int Origin, int SeatsAgents);
