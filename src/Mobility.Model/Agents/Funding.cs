namespace Mobility.Model.Agents;

/// <summary>Who pays for a stay abroad. Funded seats are admitted before self-funded ones.</summary>
public enum Funding : byte
{
    Self = 0,
    NationalScholarship = 1,
    RegionalGrant = 2,
    HostQuota = 3,
}
