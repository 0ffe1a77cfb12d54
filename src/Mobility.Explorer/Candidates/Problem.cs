namespace Mobility.Explorer.Candidates;

/// <summary>One validation problem: the field it concerns (a configuration path such as <c>policies:visaFacilitation:v:reduction</c>, or a request field) and the message.</summary>
public sealed record Problem(string Field, string Message);
