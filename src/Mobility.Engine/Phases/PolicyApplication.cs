namespace Mobility.Engine.Phases;

using Mobility.Engine.Random;
using Mobility.Engine.State;
using Mobility.Model.Policies;
using Mobility.Model.World;

/// <summary>
/// Step 1: resolves the levers in force this year (spin-up years use the first reported year's levers): the policy
/// state starts from the world's values, every lever of <see cref="PolicySettings.Levers"/> moves it in that order
/// (the order and its reasons are stated there and in docs/ODD.md, section 7.1), and the universities' seats, tuition
/// and English share follow from it.
/// </summary>
internal static class PolicyApplication
{
    /// <summary>Foreign seats of one university in agents, at most: far above any university, and below int overflow when seats grow for centuries.</summary>
    private const double MaxSeatAgents = 1e9;

    public static void Apply(SimulationState s)
    {
        var p = s.Policies;
        var policies = s.Settings.Policies;
        p.Streams ??= AllocateStreams(s.Settings.Policies, s.World, s.Universities.Count);
        p.Reset(s.World, s.Year, s.Settings.CreditMobility.BaseRecognition, o => s.CohortPersons(o, s.Year));
        s.WorldYear.Update(s.Year);
        var year = new SimulatedPolicyYear(s);
        AddWorldQuotas(s, year);
        foreach (var lever in PolicySettings.Levers)
        {
            lever.Apply(policies, year);
        }

        p.Finish();
        s.SeatSupply.Advance(s.Year, s.Scale, p.SeatMultiplier);
        ApplyToUniversities(s);
    }

    /// <summary>
    /// The host-government quotas of the world's series for this (simulated, not start) year, before the levers' quotas:
    /// funded places as a <see cref="HostQuota"/> lever gives them, <c>stochasticRound(places/scale)</c> from the pair's
    /// own stream, and the same addition to the origin's aid availability. A lever for the same pair adds to them.
    /// </summary>
    private static void AddWorldQuotas(SimulationState s, SimulatedPolicyYear year)
    {
        var world = s.WorldYear;
        foreach (var (o, h) in world.QuotaPairs)
        {
            double places = world.QuotaPlaces[o, h];
            if (places <= 0)
            {
                continue;
            }

            int seats = RandomStream.StochasticRound(places / s.Scale, s.Seed, NonAgentStreams.WorldQuota(o, h, s.CountryCount), s.Year);
            s.Policies.Quotas.Add(new QuotaProgramme($"world:{s.Countries[o].Code}-{s.Countries[h].Code}", h, o, seats));
            s.Policies.AddDegreeAid(o, year.AidShare(o, places));
        }
    }

    /// <summary>
    /// A run's non-agent random-stream ids: the engine's fixed ranges, then the levers' claims in lever order (instances
    /// in name order), so the same scenario always gets the same ids.
    /// </summary>
    /// <param name="universities">Universities of the run, branch campuses included.</param>
    internal static StreamIdAllocator AllocateStreams(PolicySettings policies, WorldData world, int universities)
    {
        var ids = new StreamIdAllocator();
        NonAgentStreams.Reserve(ids, world.Countries.Count, universities);
        foreach (var lever in PolicySettings.Levers)
        {
            foreach (var claim in lever.StreamClaims(policies, world))
            {
                ids.Claim(claim);
            }
        }

        return ids;
    }

    private static void ApplyToUniversities(SimulationState s)
    {
        var u = s.Universities;
        var p = s.Policies;
        int year = Math.Max(s.Year, s.Settings.Scenario.StartYear);
        double exchangeShare = s.Settings.CreditMobility.ExchangeSeatShare;
        for (int i = 0; i < u.Count; i++)
        {
            int h = u.Country[i];
            bool world = u.Opens[i] == int.MinValue;
            u.Active[i] = world || year >= u.Opens[i];
            double supply = world ? s.SeatSupply.Factor[h] : 1;
            double seats = u.Active[i] && !p.Closed[h] ? u.ForeignSeatsBase[i] * supply * p.SeatMultiplier[h] : 0;
            double open = s.WorldYear.EntryOpen[h];
            u.ForeignSeatsAgents[i] = (int)Math.Floor(Math.Min(seats / s.Scale, MaxSeatAgents) + 0.5);
            u.ExchangeSeatsAgents[i] = (int)Math.Floor(Math.Min(seats * exchangeShare * open / s.Scale, MaxSeatAgents) + 0.5);
            u.Tuition[i] = u.TuitionBase[i] * (1 - p.TuitionDiscount[h]);
            u.EnglishShare[i] = p.EnglishTaughtShare[h];
        }
    }
}
