namespace Mobility.Engine.State;

using Mobility.Model.World;
using Mobility.Model.World.Series;

/// <summary>
/// The world's series (series.csv) read for the simulated year (docs/ODD.md section 7.1, "The world by year"): which
/// hosts admit new foreign students, which origins require exit permits, and the host-government quotas per origin.
/// Spin-up years are the run's history and read their own year (unlike the levers, which use the start year's).
/// </summary>
internal sealed class WorldYear
{
    private readonly WorldData world;
    private readonly (int Origin, int Host)[] quotaPairs;

    public WorldYear(WorldData world)
    {
        ArgumentNullException.ThrowIfNull(world);
        this.world = world;
        int c = world.Countries.Count;
        EntryOpen = new double[c];
        ExitPermit = new double[c];
        ExchangeFunding = new double[c];
        QuotaPlaces = new double[c, c];

        // Pairs in (origin, host) index order, so the quotas are awarded in the same order in every run.
        quotaPairs = [.. world.ScholarshipQuotaPairs()];
        Update(int.MinValue);
    }

    public int Year { get; private set; }

    /// <summary>[h]: share of its usual new foreign intake h admits this year (series <c>foreign_entry_open</c>, else 1).</summary>
    public double[] EntryOpen { get; }

    /// <summary>[o]: 1 while o's citizens need an exit permit (series <c>exit_permit_required</c>, else 0).</summary>
    public double[] ExitPermit { get; }

    /// <summary>[h]: share of an incoming credit student's living cost h's exchange scheme pays (series <c>exchange_funding</c>, else 0).</summary>
    public double[] ExchangeFunding { get; }

    /// <summary>The (origin, host) pairs with a quota series, in index order.</summary>
    public IReadOnlyList<(int Origin, int Host)> QuotaPairs => quotaPairs;

    /// <summary>[o, h]: places per year the host's government funds for o's citizens this year (0 without a series).</summary>
    public double[,] QuotaPlaces { get; }

    public void Update(int year)
    {
        Year = year;
        var series = world.Series;
        for (int h = 0; h < EntryOpen.Length; h++)
        {
            var country = SeriesEntity.Country(h);
            EntryOpen[h] = series.TryValueAt(country, SeriesVariable.ForeignEntryOpen, year, out double open) ? Math.Clamp(open, 0, 1) : 1;
            ExitPermit[h] = series.TryValueAt(country, SeriesVariable.ExitPermitRequired, year, out double permit) ? permit : 0;
            ExchangeFunding[h] = series.TryValueAt(country, SeriesVariable.ExchangeFunding, year, out double funded) ? Math.Clamp(funded, 0, 1) : 0;
        }

        foreach (var (o, h) in quotaPairs)
        {
            QuotaPlaces[o, h] = world.ScholarshipQuota(o, h, year) ?? 0;
        }
    }
}
