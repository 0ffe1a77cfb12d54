namespace Mobility.Explorer.Candidates;

using System.Text.Json.Nodes;

/// <summary>A candidate as the page sends it: a name, a description and its own levers (<c>policies</c>, as a scenario file writes them), layered over the reference.</summary>
public sealed record CandidateRequest(string Name, string? Description, JsonObject? Policies);
