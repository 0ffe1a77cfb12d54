namespace Mobility.Model.Policies;

/// <summary>Investment in universities' research and reputation.</summary>
public sealed class QualityInvestment : PolicyLever
{
    /// <summary>Country whose universities all receive the investment (or empty, with <see cref="Universities"/>).</summary>
    public string Country { get; set; } = "";

    /// <summary>Specific university ids (used when set; otherwise every university of <see cref="Country"/>).</summary>
    public string[] Universities { get; set; } = [];

    /// <summary>Academic and employer reputation score points gained per year.</summary>
    public double ReputationGainPerYear { get; set; } = 1;

    /// <summary>Citations score points gained per year.</summary>
    public double CitationsGainPerYear { get; set; } = 1;

    /// <summary>Cost per year (USD), reported, not simulated.</summary>
    public double CostUsdPerYear { get; set; }

    public override LeverDescription Describe() => new(
        "Investment in universities' research and reputation: score points gained every reported year.",
        new SettingList<QualityInvestment>()
            .Country(x => x.Country, "country whose universities all receive the investment (or leave it empty and list universities)", optional: true)
            .Universities(x => x.Universities, "university ids that receive it (used when set; otherwise every university of the country)")
            .Number(x => x.ReputationGainPerYear, -100, 100, "score points per year", "academic and employer reputation points gained a year (scores are 0..100)")
            .Number(x => x.CitationsGainPerYear, -100, 100, "score points per year", "citations points gained a year (scores are 0..100)")
            .Number(x => x.CostUsdPerYear, 0, LeverBounds.UsdPerYear, "USD per year", "the programme's cost, reported, not simulated"));

    public override void Check(LeverCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (string.IsNullOrEmpty(Country) && Universities.Length == 0)
        {
            check.Add($"{check.Path} must set country or universities");
        }
    }

    /// <summary>
    /// Reported years only: every target university (the listed ones, or all non-aggregate universities of the
    /// country) accumulates the gains; the cost is added to the owner's (the country, or the first listed university's).
    /// </summary>
    public override void Apply(LeverInstance instance, PolicyYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (!year.IsReported)
        {
            return;
        }

        int country = year.World.CountryIndex(Country);
        var targets = Universities.Length > 0
            ? Universities.Select(year.UniversityIndex)
            : Enumerable.Range(0, year.UniversityCount).Where(u => year.UniversityCountry(u) == country && !year.IsAggregate(u));
        int owner = Universities.Length > 0 ? -1 : country;
        foreach (int u in targets)
        {
            year.Invest(u, ReputationGainPerYear, CitationsGainPerYear);
            owner = owner < 0 ? year.UniversityCountry(u) : owner;
        }

        if (owner >= 0)
        {
            year.State.InvestmentCostUsd[owner] += CostUsdPerYear;
        }
    }
}
