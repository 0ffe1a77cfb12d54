namespace Mobility.Explorer.Candidates;

using System.Text.Json.Nodes;

/// <summary>A scenario file of the scenarios folder: its file name, name, description, base file (null for a root scenario) and its own levers.</summary>
public sealed record ShippedScenario(string File, string Name, string Description, string? Base, JsonObject Policies);
