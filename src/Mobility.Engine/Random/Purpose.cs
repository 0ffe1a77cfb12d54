namespace Mobility.Engine.Random;

/// <summary>What a random stream is for; part of the counter, so streams for different purposes never overlap.</summary>
public enum Purpose : uint
{
    Attributes = 1,
    DegreeDecision = 2,
    DegreeChoices = 3,
    CreditDecision = 4,
    CreditChoices = 5,
    Study = 6,
    ScholarVisit = 8,
    TieBreak = 9,
    Rounding = 10,
    InboundCandidate = 12,
    ScholarAttributes = 13,
}
