namespace Mobility.Engine.Phases;

using Mobility.Engine.Random;
using Mobility.Engine.State;
using Mobility.Model.Agents;
using Mobility.Model.Policies;

/// <summary>Step 1: resolves the levers in force this year (spin-up years use the first reported year's levers).</summary>
internal static class PolicyApplication
{
    public static void Apply(SimulationState s)
    {
        var p = s.Policies;
        var world = s.World;
        var settings = s.Settings;
        int c = s.CountryCount;
        int year = Math.Max(s.Year, settings.Scenario.StartYear);
        var policies = settings.Policies;

        for (int o = 0; o < c; o++)
        {
            p.ShockMultiplier[o] = 1;
            p.Closed[o] = false;
            p.DegreeGrantAgents[o] = 0;
            p.CreditGrantAgents[o] = 0;
            p.GrantAmountUsd[o] = 0;
            p.CreditGrantAvailability[o] = 0;
            p.ScholarGrantAvailability[o] = 0;
            p.SeatMultiplier[o] = 1;
            p.TuitionDiscount[o] = 0;
            p.EnglishTaughtShare[o] = 0;
            p.InvestmentCostUsd[o] = 0;
            p.JointShare[o] = 0;
            p.CohortPersons[o] = s.CohortPersons(o, s.Year);
            for (int l = 0; l < 3; l++)
            {
                p.DegreeAidAvailability[o, l] = 0;
            }

            for (int h = 0; h < c; h++)
            {
                bool agreement = world.Agreement[o, h];
                p.Agreement[o, h] = agreement;
                p.Visa[o, h] = world.VisaBarrier[o, h];
                p.Recognition[o, h] = o == h ? 1 : agreement ? settings.CreditMobility.BaseRecognition : 0;
                p.JointProgrammes[o, h] = 0;
            }
        }

        p.Scholarships.Clear();
        p.Quotas.Clear();

        foreach (var (_, lever) in Ordered(policies.RegionalCreditRecognition))
        {
            if (!lever.IsActive(year))
            {
                continue;
            }

            ForEachPair(s.Participants(lever.Countries), (o, h) =>
            {
                p.Recognition[o, h] = Math.Max(p.Recognition[o, h], lever.Level);
                p.Agreement[o, h] = true;
            });
        }

        foreach (var (_, lever) in Ordered(policies.JointDegrees))
        {
            if (!lever.IsActive(year))
            {
                continue;
            }

            foreach (var (pair, count) in lever.Programmes.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                var codes = pair.Split('-');
                int a = world.CountryIndex(codes[0]);
                int b = world.CountryIndex(codes[1]);
                double effect = Math.Min(1.0, count / (double)Math.Max(1, lever.FullEffectProgrammes));
                foreach (var (o, h) in new[] { (a, b), (b, a) })
                {
                    p.JointProgrammes[o, h] += count;
                    p.Agreement[o, h] = true;
                    p.Recognition[o, h] = Math.Min(1.0, p.Recognition[o, h] + (lever.RecognitionGain * effect));
                }
            }

            for (int o = 0; o < c; o++)
            {
                double programmes = 0;
                for (int h = 0; h < c; h++)
                {
                    programmes += p.JointProgrammes[o, h];
                }

                p.JointShare[o] = Math.Min(1.0, programmes / Math.Max(1, lever.FullEffectProgrammes));
            }
        }

        foreach (var (_, lever) in Ordered(policies.VisaFacilitation))
        {
            if (!lever.IsActive(year))
            {
                continue;
            }

            ForEachPair(s.Participants(lever.Countries), (o, h) => p.Visa[o, h] *= 1 - lever.Reduction);
        }

        double fullAid = settings.Admission.FullAidShareOfCohort;
        foreach (var (name, lever) in Ordered(policies.RegionalMobilityGrants))
        {
            if (!lever.IsActive(year))
            {
                continue;
            }

            double toScholars = lever.GrantsPerYear * lever.ScholarShare;
            double toStudents = lever.GrantsPerYear - toScholars;
            double degreeShare = lever.Kind switch { "degree" => 1.0, "credit" => 0.0, _ => 0.5 };
            foreach (int o in s.Participants(lever.Countries))
            {
                uint entity = RandomStream.NonAgentEntity + (uint)(o * 64) + StableHash(name);
                p.DegreeGrantAgents[o] += RandomStream.StochasticRound(toStudents * degreeShare / s.Scale, s.Seed, entity, s.Year);
                p.CreditGrantAgents[o] += RandomStream.StochasticRound(toStudents * (1 - degreeShare) / s.Scale, s.Seed, entity + 1, s.Year);
                p.GrantAmountUsd[o] = Math.Max(p.GrantAmountUsd[o], lever.AmountUsd);
                double cohort = Math.Max(1, p.CohortPersons[o] * fullAid);
                p.CreditGrantAvailability[o] = Math.Min(1, p.CreditGrantAvailability[o] + (toStudents * (1 - degreeShare) / cohort));
                p.ScholarGrantAvailability[o] = Math.Min(1, p.ScholarGrantAvailability[o] + (toScholars / Math.Max(1, s.StaffPersons[o] * fullAid)));
                for (int l = 0; l < 3; l++)
                {
                    p.DegreeAidAvailability[o, l] += toStudents * degreeShare / cohort;
                }
            }
        }

        foreach (var (name, lever) in Ordered(policies.NationalScholarship))
        {
            if (!lever.IsActive(year))
            {
                continue;
            }

            int o = world.CountryIndex(lever.Country);
            var levels = new bool[3];
            if (lever.Levels.Length == 0)
            {
                levels[(int)StudyLevel.Master] = true;
                levels[(int)StudyLevel.Phd] = true;
            }
            else
            {
                foreach (var level in lever.Levels)
                {
                    levels[(int)Enum.Parse<StudyLevel>(level, ignoreCase: true)] = true;
                }
            }

            uint entity = RandomStream.NonAgentEntity + 0x10_0000 + StableHash(name);
            int awards = RandomStream.StochasticRound(lever.AwardsPerYear / s.Scale, s.Seed, entity, s.Year);
            var destinations = new bool[c];
            foreach (var code in lever.Destinations)
            {
                destinations[world.CountryIndex(code)] = true;
            }

            if (lever.Destinations.Length == 0)
            {
                Array.Fill(destinations, true);
            }

            p.Scholarships.Add(new ScholarshipProgramme(name, o, awards, lever.EligibleTopRank, lever.ReturnObligationYears, levels, destinations));
            double cohort = Math.Max(1, p.CohortPersons[o] * fullAid);
            for (int l = 0; l < 3; l++)
            {
                if (levels[l])
                {
                    p.DegreeAidAvailability[o, l] += lever.AwardsPerYear / cohort;
                }
            }
        }

        foreach (var (name, lever) in Ordered(policies.HostQuota))
        {
            if (!lever.IsActive(year))
            {
                continue;
            }

            int h = world.CountryIndex(lever.Host);
            int o = world.CountryIndex(lever.Origin);
            uint entity = RandomStream.NonAgentEntity + 0x20_0000 + StableHash(name);
            int seats = RandomStream.StochasticRound(lever.SeatsPerYear / s.Scale, s.Seed, entity, s.Year);
            p.Quotas.Add(new QuotaProgramme(name, h, o, seats));
            double cohort = Math.Max(1, p.CohortPersons[o] * fullAid);
            for (int l = 0; l < 3; l++)
            {
                p.DegreeAidAvailability[o, l] += lever.SeatsPerYear / cohort;
            }
        }

        for (int o = 0; o < c; o++)
        {
            for (int l = 0; l < 3; l++)
            {
                p.DegreeAidAvailability[o, l] = Math.Min(1, p.DegreeAidAvailability[o, l]);
            }
        }

        foreach (var (_, lever) in Ordered(policies.DestinationShock))
        {
            if (!lever.IsActive(year))
            {
                continue;
            }

            int h = world.CountryIndex(lever.Country);
            p.ShockMultiplier[h] *= lever.AttractivenessMultiplier;
            p.Closed[h] |= lever.Closed;
        }

        foreach (var (_, lever) in Ordered(policies.EducationExport))
        {
            if (!lever.IsActive(year))
            {
                continue;
            }

            int h = world.CountryIndex(lever.Country);
            p.SeatMultiplier[h] *= Math.Pow(1 + lever.ForeignSeatsGrowth, year - lever.Start + 1);
            p.TuitionDiscount[h] = Math.Max(p.TuitionDiscount[h], lever.TuitionDiscount);
            p.EnglishTaughtShare[h] = Math.Max(p.EnglishTaughtShare[h], lever.EnglishTaughtShare);
        }

        ApplyToUniversities(s);

        if (!s.IsSpinUp)
        {
            foreach (var (_, lever) in Ordered(policies.QualityInvestment))
            {
                if (!lever.IsActive(year))
                {
                    continue;
                }

                var targets = lever.Universities.Length > 0
                    ? lever.Universities.Select(id => Array.FindIndex(s.Universities.Id, x => string.Equals(x, id, StringComparison.OrdinalIgnoreCase)))
                    : Enumerable.Range(0, s.Universities.Count).Where(u => s.Universities.Country[u] == world.CountryIndex(lever.Country) && !s.Universities.IsAggregate[u]);
                int owner = lever.Universities.Length > 0 ? -1 : world.CountryIndex(lever.Country);
                foreach (int u in targets)
                {
                    s.Universities.ReputationInvestment[u] += lever.ReputationGainPerYear;
                    s.Universities.CitationsInvestment[u] += lever.CitationsGainPerYear;
                    owner = owner < 0 ? s.Universities.Country[u] : owner;
                }

                if (owner >= 0)
                {
                    p.InvestmentCostUsd[owner] += lever.CostUsdPerYear;
                }
            }
        }
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
            u.ForeignSeatsAgents[i] = (int)Math.Floor((seats / s.Scale) + 0.5);
            u.ExchangeSeatsAgents[i] = (int)Math.Floor((seats * exchangeShare / s.Scale) + 0.5);
            u.Tuition[i] = u.TuitionBase[i] * (1 - p.TuitionDiscount[h]);
            u.EnglishShare[i] = p.EnglishTaughtShare[h];
        }
    }

    /// <summary>Calls <paramref name="action"/> for every ordered pair of distinct participants.</summary>
    private static void ForEachPair(int[] members, Action<int, int> action)
    {
        foreach (int o in members)
        {
            foreach (int h in members)
            {
                if (o != h)
                {
                    action(o, h);
                }
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, T>> Ordered<T>(Dictionary<string, T> levers)
        where T : PolicyTimeline => levers.OrderBy(x => x.Key, StringComparer.Ordinal);

    /// <summary>A stable (process-independent) hash of a policy name, to key its random streams.</summary>
    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char ch in text)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return hash & 0xFFFF;
    }
}
