namespace Mobility.Explorer.Candidates;

/// <summary>A what-if: the reference scenario (a shipped file name), up to four candidates, replications, scale and seed.</summary>
public sealed record WhatIfRequest(string Reference, IReadOnlyList<CandidateRequest> Candidates, int Replications = 10, double Scale = 10, ulong? Seed = null)
{
    public const int MaxCandidates = 4;
    public const int MinReplications = 2;
    public const int MaxReplications = 30;
    public const double MinScale = 1;
    public const double MaxScale = 1000;
}
