namespace Mobility.Engine.Phases;

using Mobility.Engine.Core;
using Mobility.Engine.Random;
using Mobility.Model.Agents;

/// <summary>
/// Step 3: each member enrols a Bachelor cohort (enrolment x entry rate x trend). Master and PhD entrants are last
/// year's graduates who continued (flagged at graduation), so they need no new agents.
/// </summary>
internal static class Entry
{
    public static void Run(SimulationState s)
    {
        var students = s.Students;
        for (int o = 0; o < s.CountryCount; o++)
        {
            if (!s.IsMember[o])
            {
                continue;
            }

            int cohort = RandomStream.StochasticRound(
                s.Policies.CohortPersons[o] / s.Scale, s.Seed, RandomStream.NonAgentEntity + (uint)o, s.Year);
            int first = students.Count;
            students.EnsureCapacity(first + cohort);
            int firstId = s.NextAgentId;
            s.NextAgentId += cohort;
            s.AgentsEntered += cohort;
            students.Count = first + cohort;
            byte origin = (byte)o;
            var home = s.Tables.Home[o];
            double englishLogit = EnglishLogit(s.Settings.Entry.EnglishShare);
            double englishSlope = s.Settings.Entry.EnglishSlope;
            s.Parallel.For(cohort, (_, start, end) =>
            {
                Span<uint> r0 = stackalloc uint[PhiloxBatch.Size], r1 = stackalloc uint[PhiloxBatch.Size];
                Span<uint> r2 = stackalloc uint[PhiloxBatch.Size], r3 = stackalloc uint[PhiloxBatch.Size];
                for (int k = start; k < end; k++)
                {
                    int b = (k - start) % PhiloxBatch.Size;
                    if (b == 0)
                    {
                        PhiloxBatch.FirstBlocks(s.Seed, s.Year, Purpose.Attributes, firstId + k, Math.Min(PhiloxBatch.Size, end - k), r0, r1, r2, r3);
                    }

                    int i = first + k;
                    int id = firstId + k;
                    var rng = new RandomStream(s.Seed, (uint)id, s.Year, Purpose.Attributes, r0[b], r1[b], r2[b], r3[b]);
                    float ability = (float)rng.NextDouble();
                    float resources = (float)rng.NextDouble();
                    bool english = rng.NextDouble() < EnglishProbabilityFromLogit(englishLogit, englishSlope, ability, resources);
                    short university = (short)home.Sample(rng.NextDouble());
                    Initialise(students, i, id, origin, university, university, StudyLevel.Bachelor, ability, resources, english);
                    students.Flags[i] |= StudentPopulation.FlagNewLevel;
                }
            });
        }
    }

    /// <summary>P(speaks English) = sigmoid(logit(share) + slope*(ability + resources - 1)).</summary>
    public static double EnglishProbability(double share, double slope, double ability, double resources)
        => EnglishProbabilityFromLogit(EnglishLogit(share), slope, ability, resources);

    /// <summary>The same with logit(share) computed once for a whole cohort.</summary>
    public static double EnglishProbabilityFromLogit(double logit, double slope, double ability, double resources)
        => Logistic.Sigmoid(logit + (slope * (ability + resources - 1)));

    public static double EnglishLogit(double share)
    {
        double p = Math.Clamp(share, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    public static void Initialise(
        StudentPopulation students, int i, int id, byte origin, short home, short host, StudyLevel level, float ability, float resources, bool english)
    {
        students.Id[i] = id;
        students.Origin[i] = origin;
        students.Home[i] = home;
        students.Host[i] = host;
        students.Level[i] = level;
        students.Status[i] = StudentStatus.AtHome;
        students.YearInProgramme[i] = 0;
        students.Funding[i] = Funding.Self;
        students.Obligation[i] = 0;
        students.AbroadCountry[i] = StudentPopulation.NoCountry;
        students.Flags[i] = english ? StudentPopulation.FlagEnglish : (byte)0;
        students.Ability[i] = ability;
        students.Resources[i] = resources;
        students.Skill[i] = 0;
        students.Attitude[i] = 0.5f;
    }
}
