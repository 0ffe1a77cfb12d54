namespace Mobility.Model.World;

/// <summary>Whether a country is a member of the Central Asian higher-education area or an external destination.</summary>
public enum Region : byte
{
    CentralAsia = 0,
    External = 1,
}
