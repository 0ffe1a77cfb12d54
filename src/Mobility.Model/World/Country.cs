namespace Mobility.Model.World;

/// <summary>A country of the simulated world: a member of the region or an external destination.</summary>
/// <param name="Code">ISO 3166-1 alpha-3 code.</param>
/// <param name="Population">Persons.</param>
/// <param name="TertiaryEnrolment">Tertiary students enrolled in the country (persons).</param>
/// <param name="WageIndex">Graduate wage index, USA = 100.</param>
/// <param name="Hospitality">How welcoming the country is to foreign students (0..1).</param>
/// <param name="PostStudyWork">How open its post-study work rights are (0..1).</param>
/// <param name="LivingCostUsd">A student's yearly living cost (USD).</param>
/// <param name="InboundPool">External countries: new degree seekers per year who consider studying in the region.</param>
public sealed record Country(
    string Code,
    string Name,
    Region Region,
    double Population,
    double TertiaryEnrolment,
    double GdpPerCapitaPpp,
    double WageIndex,
    LanguageSet Languages,
    double Latitude,
    double Longitude,
    double Hospitality,
    double PostStudyWork,
    double LivingCostUsd,
    double InboundPool)
{
    public bool IsMember => Region == Region.CentralAsia;
}
