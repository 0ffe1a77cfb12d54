namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;
using Mobility.Engine.State;
using Mobility.Model.Agents;

/// <summary>
/// Step 6 of the model: funded seats (scholarships, grants, host quotas) are allocated before self-funded ones, and
/// within each group the best ability goes first; each applicant takes its best listed university with a seat left.
/// </summary>
public sealed class AdmissionPriorityTests
{
    private const int Year = 2025;

    /// <summary>
    /// A world where a funded programme competes with self-funded students for scarce seats: on top of the baseline
    /// (which already has Russian, Turkish and Chinese quotas and two scholarships), Kazakhstan offers Uzbek students
    /// 20000 funded places a year while its 45000 foreign seats are already full of continuing students.
    /// </summary>
    private static readonly string[] Sets =
    [
        "scenario:scale=20",
        "scenario:endYear=2030",
        "policies:hostQuota:test:host=KAZ",
        "policies:hostQuota:test:origin=UZB",
        "policies:hostQuota:test:start=2000",
        "policies:hostQuota:test:seatsPerYear=20000",
    ];

    // The test steps the baseline to 2025, then runs that year's phases one by one up to credit mobility, inspects
    // the year's applications and, before admission, gives every funded applicant
    // the lowest possible ability. With merit alone they would now be last in line everywhere; with funded priority
    // they still take their seats first. The outcome is checked against the definition of the admission rule
    // (a serial dictatorship over one priority order, i.e. deferred acceptance without justified envy):
    //  - no self-funded applicant holds a seat at a university that a funded applicant listed above its outcome;
    //  - no self-funded applicant holds a seat that an abler self-funded applicant listed above its own outcome;
    //  - each university admits exactly its free seats minus the seats it has left.
    [Fact]
    public void Funded_applicants_of_the_lowest_ability_are_admitted_before_abler_self_funded_ones()
    {
        var loaded = EngineTestKit.Load("baseline", Sets);
        var step = new YearStep(loaded.World, loaded.Settings, EngineTestKit.Threads, new Dictionary<string, double>());
        var s = step.State;
        for (int year = s.FirstYear; year < Year; year++)
        {
            step.Run(year);
        }

        // The year's phases, in their order, up to and including credit mobility.
        step.Begin(Year);
        int admissionPhase = step.IndexOf("admission");
        for (int p = 0; p < admissionPhase; p++)
        {
            step.RunPhase(p);
        }

        var pool = step.Applications;

        var applicants = Snapshot(s, pool);
        int studentsBefore = s.Students.Count;
        foreach (var a in applicants.Where(a => a.Funded))
        {
            s.Students.Ability[a.Slot] = 0f;
        }

        step.RunPhase(admissionPhase);
        var outcome = Outcomes(s, pool, applicants, studentsBefore);

        var u = s.Universities;
        int n = applicants.Count;
        var selfAdmitted = new bool[u.Count];
        var weakestSelfAdmitted = Enumerable.Repeat(float.MaxValue, u.Count).ToArray();
        var admittedAt = new int[u.Count];
        for (int i = 0; i < n; i++)
        {
            int v = outcome[i];
            if (v < 0)
            {
                continue;
            }

            Assert.Contains(v, applicants[i].Choices);
            admittedAt[v]++;
            if (!applicants[i].Funded)
            {
                selfAdmitted[v] = true;
                weakestSelfAdmitted[v] = Math.Min(weakestSelfAdmitted[v], applicants[i].Ability);
            }
        }

        var priorityViolations = new List<string>();
        var meritViolations = new List<string>();
        int decisive = 0;
        for (int i = 0; i < n; i++)
        {
            var a = applicants[i];
            foreach (int v in Preferred(a.Choices, outcome[i]))
            {
                if (a.Funded && selfAdmitted[v])
                {
                    priorityViolations.Add($"funded {a.Label} listed {u.Id[v]} above its outcome {Name(u, outcome[i])}, where self-funded applicants were admitted");
                }

                if (!a.Funded && a.Ability > weakestSelfAdmitted[v] + 1e-6f)
                {
                    meritViolations.Add($"self-funded {a.Label} (ability {a.Ability:F4}) listed {u.Id[v]} above its outcome {Name(u, outcome[i])}, "
                        + $"where a self-funded applicant of ability {weakestSelfAdmitted[v]:F4} was admitted");
                }
            }
        }

        // Funded applicants (ability 0) holding a seat that an abler self-funded applicant wanted and did not get:
        // with merit only, each of these seats would have gone to the self-funded applicant.
        var wantedBySelf = new bool[u.Count];
        for (int i = 0; i < n; i++)
        {
            if (!applicants[i].Funded)
            {
                foreach (int v in Preferred(applicants[i].Choices, outcome[i]))
                {
                    wantedBySelf[v] = true;
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            decisive += applicants[i].Funded && outcome[i] >= 0 && wantedBySelf[outcome[i]] ? 1 : 0;
        }

        Assert.True(priorityViolations.Count == 0, $"{priorityViolations.Count} funded applicants lost a seat to self-funded ones, e.g.\n" + string.Join("\n", priorityViolations.Take(10)));
        Assert.True(meritViolations.Count == 0, $"{meritViolations.Count} self-funded applicants lost a seat to a less able one, e.g.\n" + string.Join("\n", meritViolations.Take(10)));
        for (int v = 0; v < u.Count; v++)
        {
            int free = Math.Max(0, u.ForeignSeatsAgents[v] - (int)pool.ContinuingForeign[v]);
            double open = step.State.WorldYear.EntryOpen[u.Country[v]];
            free = open >= 1 ? free : (int)Math.Floor(free * open);
            Assert.True(admittedAt[v] == free - step.SeatsLeft[v], $"{u.Id[v]}: {admittedAt[v]} admitted, {free} free seats, {step.SeatsLeft[v]} left");
        }

        int funded = applicants.Count(a => a.Funded);
        int fundedAdmitted = Enumerable.Range(0, n).Count(i => applicants[i].Funded && outcome[i] >= 0);
        Assert.True(decisive >= 50, $"the test needs funded applicants competing for scarce seats: {funded} funded applicants, {fundedAdmitted} admitted, {decisive} of them to seats an abler self-funded applicant wanted");
    }

    private static List<Applicant> Snapshot(SimulationState s, ApplicationPool pool)
    {
        var st = s.Students;
        int k = pool.K;
        var applicants = new List<Applicant>();
        for (int n = 0; n < pool.DegreeSeekers.Count; n++)
        {
            int slot = pool.DegreeSeekers[n];
            applicants.Add(new Applicant(
                $"student {st.Id[slot]} of {s.Countries[st.Origin[slot]].Code} ({st.Funding[slot]})",
                slot,
                -1,
                st.Funding[slot] != Funding.Self,
                st.Ability[slot],
                Listed(pool.DegreeChoices.AsSpan(n * k, k))));
        }

        for (int c = 0; c < pool.CandidateCount; c++)
        {
            applicants.Add(new Applicant(
                $"candidate {pool.CandidateId[c]} of {s.Countries[pool.CandidateOrigin[c]].Code}",
                -1,
                pool.CandidateId[c],
                false,
                pool.CandidateAbility[c],
                Listed(pool.CandidateChoices.AsSpan(c * k, k))));
        }

        return applicants;
    }

    /// <summary>The university each applicant was admitted to, or -1.</summary>
    private static int[] Outcomes(SimulationState s, ApplicationPool pool, List<Applicant> applicants, int studentsBefore)
    {
        var st = s.Students;
        var candidateHost = new Dictionary<int, int>();
        for (int i = studentsBefore; i < st.Count; i++)
        {
            candidateHost[st.Id[i]] = st.Host[i];
        }

        Assert.Equal(pool.CandidateCount, applicants.Count(a => a.Slot < 0));
        return applicants
            .Select(a => a.Slot >= 0
                ? (st.Status[a.Slot] == StudentStatus.DegreeAbroad ? st.Host[a.Slot] : -1)
                : candidateHost.GetValueOrDefault(a.CandidateId, -1))
            .ToArray();
    }

    private static int[] Listed(ReadOnlySpan<int> choices)
    {
        var listed = new List<int>();
        foreach (int choice in choices)
        {
            if (choice >= 0)
            {
                listed.Add(choice);
            }
        }

        return [.. listed];
    }

    /// <summary>The universities an applicant listed above the one it got (all of them when it got none).</summary>
    private static IEnumerable<int> Preferred(int[] choices, int outcome)
    {
        int rank = outcome < 0 ? choices.Length : Array.IndexOf(choices, outcome);
        return choices.Take(rank);
    }

    private static string Name(UniversityTable u, int v) => v < 0 ? "(refused everywhere)" : u.Id[v];

    private sealed record Applicant(string Label, int Slot, int CandidateId, bool Funded, float Ability, int[] Choices);
}
