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
        p.Reset(s.World, s.Settings.CreditMobility.BaseRecognition, o => s.CohortPersons(o, s.Year));
        var year = new SimulatedPolicyYear(s);
        foreach (var lever in PolicySettings.Levers)
        {
            lever.Apply(policies, year);
        }

        p.Finish();
        ApplyToUniversities(s);
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
            u.Active[i] = u.Opens[i] == int.MinValue || year >= u.Opens[i];
            double seats = u.Active[i] && !p.Closed[h] ? u.ForeignSeatsBase[i] * p.SeatMultiplier[h] : 0;
            u.ForeignSeatsAgents[i] = (int)Math.Floor(Math.Min(seats / s.Scale, MaxSeatAgents) + 0.5);
            u.ExchangeSeatsAgents[i] = (int)Math.Floor(Math.Min(seats * exchangeShare / s.Scale, MaxSeatAgents) + 0.5);
            u.Tuition[i] = u.TuitionBase[i] * (1 - p.TuitionDiscount[h]);
            u.EnglishShare[i] = p.EnglishTaughtShare[h];
        }
    }
}
