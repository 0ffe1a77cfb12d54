namespace Mobility.Engine.Choice;

using System.Collections.Concurrent;
using Mobility.Engine.State;
using Mobility.Model.Parameters;

/// <summary>
/// Step 2: the year's choice tables. Utilities depend on the agent only through its origin, resource band and
/// whether it speaks English, so one alias table per such type makes every draw O(1).
/// Tables are indexed [(origin * bands + band) * 2 + english].
/// </summary>
internal sealed class ChoiceTables
{
    /// <summary>Item standing for "study somewhere outside the region" in the tables of external origins.</summary>
    public const int OutsideOption = -2;

    private readonly SimulationState s;
    private readonly int bands;
    // Scratch for the tables built one after another; the parallel builds take theirs from the bag (kept from year to year).
    private readonly Scratch scratch;
    private readonly ConcurrentBag<Scratch> scratchBag = [];
    private readonly List<int> builds = [];
    private readonly Action<int> buildTables;

    /// <summary>destinationShift[h] + pairShift[o][h] by [o * countries + h] (choice:destinationShift and choice:pairShift).</summary>
    private readonly double[] shift;

    /// <summary>creditMobility:pairShift[o][h] by [o * countries + h]: added to V in the credit tables only.</summary>
    private readonly double[] creditShift;

    /// <summary>choice:scholarshipPairShift[o][h] by [o * countries + h]: added to V in the national scholarships' tables only.</summary>
    private readonly double[] scholarshipShift;

    public ChoiceTables(SimulationState state)
    {
        s = state;
        bands = Math.Max(1, state.Settings.Choice.ResourceBands);
        int c = state.CountryCount;
        int types = c * bands * 2;
        DegreeSelf = NewTables(types);
        DegreeGrant = NewTables(types);
        CreditSelf = NewTables(types);
        CreditGrant = NewTables(types);
        Inbound = NewTables(types);
        Scholar = NewTables(c * 2);
        Home = NewTables(c);
        ExpectedQuality = new double[types];
        CreditRecognition = new double[c];
        AgreementShare = new double[c];
        scratch = new Scratch(state.Universities.Count + 1);

        buildTables = BuildTables;
        var choice = state.Settings.Choice;
        shift = Shifts(state, choice.PairShift, choice.DestinationShift);
        creditShift = Shifts(state, state.Settings.CreditMobility.PairShift, destinationShift: null);
        scholarshipShift = Shifts(state, choice.ScholarshipPairShift, destinationShift: null);
        BuildHomeTables();
    }

    public int Bands => bands;

    public AliasTable[] DegreeSelf { get; }

    public AliasTable[] DegreeGrant { get; }

    public AliasTable[] CreditSelf { get; }

    public AliasTable[] CreditGrant { get; }

    public AliasTable[] Inbound { get; }

    /// <summary>[origin * 2 + english]: hosts of scholar visits.</summary>
    public AliasTable[] Scholar { get; }

    /// <summary>[origin]: home universities by domestic places.</summary>
    public AliasTable[] Home { get; }

    /// <summary>[programme * 2 + english] for this year's scholarships and quotas.</summary>
    public List<AliasTable> Scholarship { get; } = [];

    public List<AliasTable> Quota { get; } = [];

    /// <summary>Logit-weighted quality of what a type could get abroad (for the quality gap).</summary>
    public double[] ExpectedQuality { get; }

    /// <summary>Mean recognition between a country and its agreement partners.</summary>
    public double[] CreditRecognition { get; }

    /// <summary>Share of other countries a country has an agreement with.</summary>
    public double[] AgreementShare { get; }

    public int Band(float resources) => Math.Min(bands - 1, (int)(resources * bands));

    public int TypeIndex(int origin, int band, bool english) => (((origin * bands) + band) * 2) + (english ? 1 : 0);

    public void Rebuild()
    {
        var p = s.Policies;
        int c = s.CountryCount;
        for (int o = 0; o < c; o++)
        {
            double recognition = 0;
            int partners = 0;
            for (int h = 0; h < c; h++)
            {
                if (h != o && p.Agreement[o, h])
                {
                    recognition += p.Recognition[o, h];
                    partners++;
                }
            }

            CreditRecognition[o] = partners > 0 ? recognition / partners : 0;
            AgreementShare[o] = partners / (double)Math.Max(1, c - 1);
        }

        // Each build writes only its own tables, so they run in parallel: one per (origin, band, English) and one for
        // a member's scholar tables. The members' builds (four tables each) come first, so the long ones are spread
        // over the threads.
        builds.Clear();
        for (int o = 0; o < c; o++)
        {
            if (s.IsMember[o])
            {
                for (int t = TypeIndex(o, 0, false); t <= TypeIndex(o, bands - 1, true); t++)
                {
                    builds.Add(t);
                }
            }
        }

        for (int o = 0; o < c; o++)
        {
            if (s.IsMember[o])
            {
                builds.Add(-1 - o);
            }
            else if (s.Countries[o].InboundPool > 0)
            {
                for (int t = TypeIndex(o, 0, false); t <= TypeIndex(o, bands - 1, true); t++)
                {
                    builds.Add(t);
                }
            }
        }

        // On the simulation's own threads: its helper, spinning from the passes before, takes builds at once, and is
        // still spinning when the year's entry begins (with the thread pool's loop, the helper left during this phase
        // and came back to entry's pass late).
        s.Parallel.Tasks(builds.Count, buildTables);

        EnsureCount(Scholarship, p.Scholarships.Count * 2);
        for (int i = 0; i < p.Scholarships.Count; i++)
        {
            var programme = p.Scholarships[i];
            for (int e = 0; e < 2; e++)
            {
                BuildFunded(Scholarship[(i * 2) + e], programme.Country, e == 1, scholarshipShift, u =>
                    !s.Universities.IsAggregate[u] && programme.Destinations[s.Universities.Country[u]]
                    && (programme.EligibleTopRank <= 0 || s.Universities.WorldRank[u] <= programme.EligibleTopRank));
            }
        }

        EnsureCount(Quota, p.Quotas.Count * 2);
        for (int i = 0; i < p.Quotas.Count; i++)
        {
            var quota = p.Quotas[i];
            for (int e = 0; e < 2; e++)
            {
                BuildFunded(Quota[(i * 2) + e], quota.Origin, e == 1, pairShift: null, u => s.Universities.Country[u] == quota.Host);
            }
        }
    }

    /// <summary>Build <paramref name="k"/> of the year's list, with a scratch of its own for as long as it runs.</summary>
    private void BuildTables(int k)
    {
        var own = scratchBag.TryTake(out var taken) ? taken : new Scratch(s.Universities.Count + 1);
        BuildType(builds[k], own);
        scratchBag.Add(own);
    }

    /// <summary>The tables of agent type <paramref name="build"/> (a type index), or, if negative, the scholar tables of member -1 - build.</summary>
    private void BuildType(int build, Scratch own)
    {
        var p = s.Policies;
        if (build < 0)
        {
            int member = -1 - build;
            BuildScholarTable(Scholar[member * 2], member, english: false, own);
            BuildScholarTable(Scholar[(member * 2) + 1], member, english: true, own);
            return;
        }

        int t = build;
        int o = t / (2 * bands);
        int b = t / 2 % bands;
        bool english = (t & 1) == 1;
        var choice = s.Settings.Choice;
        double resources = (b + 0.5) / bands;
        double budget = choice.BudgetMinUsd + ((choice.BudgetMaxUsd - choice.BudgetMinUsd) * resources);
        if (s.IsMember[o])
        {
            ExpectedQuality[t] = Build(DegreeSelf[t], o, english, budget, aid: 0, Destinations.AnyForeign, includeTuition: true, outside: false, own);
            Build(DegreeGrant[t], o, english, budget, p.GrantAmountUsd[o], Destinations.Members, includeTuition: true, outside: false, own);
            Build(CreditSelf[t], o, english, budget, aid: 0, Destinations.Partners, includeTuition: false, outside: false, own);
            Build(CreditGrant[t], o, english, budget, p.GrantAmountUsd[o], Destinations.MemberPartners, includeTuition: false, outside: false, own);
        }
        else
        {
            Build(Inbound[t], o, english, budget, aid: 0, Destinations.Members, includeTuition: true, outside: true, own);
        }
    }

    private enum Destinations
    {
        AnyForeign,
        Members,
        Partners,
        MemberPartners,
    }

    /// <summary>Builds one table and returns the logit-weighted mean quality of its universities.</summary>
    private double Build(AliasTable table, int o, bool english, double budget, double aid, Destinations set, bool includeTuition, bool outside, Scratch own)
    {
        var u = s.Universities;
        var p = s.Policies;
        var candidates = own.Candidates;
        var weights = own.Weights;
        int n = 0;
        double weightedQuality = 0;
        double total = 0;
        bool credit = set is Destinations.Partners or Destinations.MemberPartners;
        for (int i = 0; i < u.Count; i++)
        {
            int h = u.Country[i];
            if (h == o || !u.Active[i] || p.Closed[h] || p.ShockMultiplier[h] <= 0 || s.WorldYear.EntryOpen[h] <= 0)
            {
                continue;
            }

            int seats = credit ? u.ExchangeSeatsAgents[i] : u.ForeignSeatsAgents[i];
            bool inSet = set switch
            {
                Destinations.AnyForeign => true,
                Destinations.Members => s.IsMember[h],
                Destinations.Partners => p.Agreement[o, h],
                _ => s.IsMember[h] && p.Agreement[o, h],
            };
            if (!inSet || seats <= 0)
            {
                continue;
            }

            // A credit stay's living cost is what the host's exchange scheme does not pay (Erasmus+ ICM: ODD 7.5).
            double living = s.Countries[h].LivingCostUsd * (credit ? 1 - s.WorldYear.ExchangeFunding[h] : 1);
            double cost = (includeTuition ? u.Tuition[i] : 0) + living - aid;
            double v = Utility(o, i, english, Math.Max(0, cost) / budget) + (credit ? creditShift[(o * s.CountryCount) + h] : 0);
            double w = Math.Exp(v);
            candidates[n] = i;
            weights[n] = w;
            n++;
            total += w;
            weightedQuality += w * u.Composite[i];
        }

        if (outside)
        {
            candidates[n] = OutsideOption;
            weights[n] = Math.Exp(s.Settings.DegreeMobility.OutsideOptionUtility);
            n++;
        }

        table.Build(candidates.AsSpan(0, n), weights.AsSpan(0, n));
        return total > 0 ? weightedQuality / total : 0;
    }

    /// <param name="pairShift">Constants by [o * countries + h] added to V for this programme's kind (null: none).</param>
    private void BuildFunded(AliasTable table, int o, bool english, double[]? pairShift, Func<int, bool> eligible)
    {
        var u = s.Universities;
        var p = s.Policies;
        var candidates = scratch.Candidates;
        var weights = scratch.Weights;
        int n = 0;
        for (int i = 0; i < u.Count; i++)
        {
            int h = u.Country[i];
            if (h == o || !u.Active[i] || p.Closed[h] || p.ShockMultiplier[h] <= 0 || s.WorldYear.EntryOpen[h] <= 0 || u.ForeignSeatsAgents[i] <= 0 || !eligible(i))
            {
                continue;
            }

            candidates[n] = i;
            weights[n] = Math.Exp(Utility(o, i, english, relativeCost: 0) + (pairShift is null ? 0 : pairShift[(o * s.CountryCount) + h]));
            n++;
        }

        table.Build(candidates.AsSpan(0, n), weights.AsSpan(0, n));
    }

    /// <summary>V(u) of docs/ODD.md section 7.2, with the cost already divided by the budget.</summary>
    private double Utility(int o, int i, bool english, double relativeCost)
    {
        var b = s.Settings.Choice;
        var u = s.Universities;
        var p = s.Policies;
        int h = u.Country[i];
        double languageMatch = s.LanguageMatch(o, english, u.Languages[i], u.EnglishShare[i]);
        double enrolmentThousands = Math.Max(1, s.Countries[o].TertiaryEnrolment / 1000);
        double network = (s.AlumniStudiedIn[o, h] + s.PreviousStocks[o, h]) * s.Scale / enrolmentThousands;
        double seatsThousands = Math.Max(1e-3, u.ForeignSeatsBase[i] * p.SeatMultiplier[h] / 1000);
        return (b.BQuality * u.Composite[i] / 100)
            - (b.BDistance * Math.Log(1 + (s.World.DistanceKm[o, h] / 1000)))
            + (b.BLanguage * languageMatch)
            - (b.BCost * relativeCost)
            - (b.BVisa * p.Visa[o, h])
            + (b.BImage * s.Image[o, h])
            + (b.BNetwork * Math.Log(1 + network))
            + (b.BDiaspora * s.Diaspora.DestinationTerm[o, h])
            + (b.BRecognition * p.Recognition[o, h])
            + (b.BSize * Math.Log(seatsThousands))
            + Math.Log(p.ShockMultiplier[h])
            + shift[(o * s.CountryCount) + h];
    }

    /// <summary>destinationShift[h] (when given) + pairShift[o][h] by [o * countries + h], 0 where absent.</summary>
    private static double[] Shifts(SimulationState s, Dictionary<string, Dictionary<string, double>> pairShift, Dictionary<string, double>? destinationShift)
    {
        int c = s.CountryCount;
        var shifts = new double[c * c];
        for (int o = 0; o < c; o++)
        {
            var pair = pairShift.TryGetValue(s.Countries[o].Code, out var p) ? p : null;
            for (int h = 0; h < c; h++)
            {
                string code = s.Countries[h].Code;
                shifts[(o * c) + h] = (destinationShift is not null && destinationShift.TryGetValue(code, out var x) ? x : 0) + (pair is not null && pair.TryGetValue(code, out var y) ? y : 0);
            }
        }

        return shifts;
    }

    private void BuildScholarTable(AliasTable table, int o, bool english, Scratch own)
    {
        var k = s.Settings.Scholars;
        var u = s.Universities;
        var p = s.Policies;
        var candidates = own.Candidates;
        var weights = own.Weights;
        int n = 0;
        for (int i = 0; i < u.Count; i++)
        {
            int h = u.Country[i];
            if (h == o || !u.Active[i] || p.Closed[h] || p.ShockMultiplier[h] <= 0 || s.WorldYear.EntryOpen[h] <= 0)
            {
                continue;
            }

            double languageMatch = s.LanguageMatch(o, english, u.Languages[i], u.EnglishShare[i]);
            double v = (k.BResearch * u.Score[i, (int)Model.World.Indicator.Citations] / 100)
                + (k.BLanguage * languageMatch)
                - (k.BDistance * Math.Log(1 + (s.World.DistanceKm[o, h] / 1000)))
                - (k.BVisa * p.Visa[o, h])
                + (p.Agreement[o, h] ? k.BAgreement : 0)
                + (k.BSize * Math.Log(Math.Max(1, u.Staff[i]) / 1000))
                + Math.Log(p.ShockMultiplier[h]);
            candidates[n] = i;
            weights[n] = Math.Exp(v);
            n++;
        }

        table.Build(candidates.AsSpan(0, n), weights.AsSpan(0, n));
    }

    private void BuildHomeTables()
    {
        var u = s.Universities;
        for (int o = 0; o < s.CountryCount; o++)
        {
            var candidates = scratch.Candidates;
            var weights = scratch.Weights;
            int n = 0;
            for (int i = 0; i < u.Count; i++)
            {
                if (u.Country[i] == o && u.Opens[i] == int.MinValue)
                {
                    candidates[n] = i;
                    weights[n] = Math.Max(0, u.Capacity[i] - u.ForeignSeatsBase[i]);
                    n++;
                }
            }

            Home[o].Build(candidates.AsSpan(0, n), weights.AsSpan(0, n));
        }
    }

    private static AliasTable[] NewTables(int count)
    {
        var tables = new AliasTable[count];
        for (int i = 0; i < count; i++)
        {
            tables[i] = new AliasTable();
        }

        return tables;
    }

    private static void EnsureCount(List<AliasTable> tables, int count)
    {
        while (tables.Count < count)
        {
            tables.Add(new AliasTable());
        }
    }

    /// <summary>Candidate universities and their weights while one table is built.</summary>
    private sealed class Scratch(int size)
    {
        public int[] Candidates { get; } = new int[size];

        public double[] Weights { get; } = new double[size];
    }
}
