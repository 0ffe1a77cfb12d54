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
    // Scratch for the year's parallel builds, each taking its own from the bag (kept from year to year).
    private readonly ConcurrentBag<Scratch> scratchBag = [];
    private readonly List<(BuildKind Kind, int Index)> builds = [];
    private readonly Action<int> buildTables;

    /// <summary>The year's terms of V that do not depend on the agent type or the table.</summary>
    private readonly UtilityTerms terms;

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

        buildTables = BuildTables;
        var choice = state.Settings.Choice;
        // destinationShift[h] + pairShift[o][h] (choice:destinationShift and choice:pairShift).
        terms = new UtilityTerms(state, Shifts(state, choice.PairShift, choice.DestinationShift));
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
        terms.Prepare();
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

        // Each build writes only its own tables, so they run in parallel: one per (origin, band, English), one for a
        // member's scholar tables and one per scholarship programme and per quota (both English variants). The
        // members' builds (four tables each) come first, so the long ones are spread over the threads.
        builds.Clear();
        for (int o = 0; o < c; o++)
        {
            if (s.IsMember[o])
            {
                for (int t = TypeIndex(o, 0, false); t <= TypeIndex(o, bands - 1, true); t++)
                {
                    builds.Add((BuildKind.AgentType, t));
                }
            }
        }

        for (int o = 0; o < c; o++)
        {
            if (s.IsMember[o])
            {
                builds.Add((BuildKind.Scholars, o));
            }
            else if (s.Countries[o].InboundPool > 0)
            {
                for (int t = TypeIndex(o, 0, false); t <= TypeIndex(o, bands - 1, true); t++)
                {
                    builds.Add((BuildKind.AgentType, t));
                }
            }
        }

        EnsureCount(Scholarship, p.Scholarships.Count * 2);
        for (int i = 0; i < p.Scholarships.Count; i++)
        {
            builds.Add((BuildKind.Scholarship, i));
        }

        EnsureCount(Quota, p.Quotas.Count * 2);
        for (int i = 0; i < p.Quotas.Count; i++)
        {
            builds.Add((BuildKind.Quota, i));
        }

        // On the simulation's own threads: its helper, spinning from the passes before, takes builds at once, and is
        // still spinning when the year's entry begins (with the thread pool's loop, the helper left during this phase
        // and came back to entry's pass late).
        s.Parallel.Tasks(builds.Count, buildTables);
    }

    /// <summary>Build <paramref name="k"/> of the year's list, with a scratch of its own for as long as it runs.</summary>
    private void BuildTables(int k)
    {
        var own = scratchBag.TryTake(out var taken) ? taken : new Scratch(s.Universities.Count + 1);
        var (kind, index) = builds[k];
        switch (kind)
        {
            case BuildKind.AgentType:
                BuildType(index, own);
                break;
            case BuildKind.Scholars:
                BuildScholarTable(Scholar[index * 2], index, english: false, own);
                BuildScholarTable(Scholar[(index * 2) + 1], index, english: true, own);
                break;
            case BuildKind.Scholarship:
                BuildScholarship(index, own);
                break;
            default:
                BuildQuota(index, own);
                break;
        }

        scratchBag.Add(own);
    }

    /// <summary>The tables of scholarship programme <paramref name="i"/>: the universities it funds, by V without cost.</summary>
    private void BuildScholarship(int i, Scratch own)
    {
        var programme = s.Policies.Scholarships[i];
        for (int e = 0; e < 2; e++)
        {
            BuildFunded(Scholarship[(i * 2) + e], programme.Country, e == 1, scholarshipShift, own, u =>
                !s.Universities.IsAggregate[u] && programme.Destinations[s.Universities.Country[u]]
                && (programme.EligibleTopRank <= 0 || s.Universities.WorldRank[u] <= programme.EligibleTopRank));
        }
    }

    /// <summary>The tables of quota <paramref name="i"/>: the host's universities, by V without cost.</summary>
    private void BuildQuota(int i, Scratch own)
    {
        var quota = s.Policies.Quotas[i];
        for (int e = 0; e < 2; e++)
        {
            BuildFunded(Quota[(i * 2) + e], quota.Origin, e == 1, pairShift: null, own, u => s.Universities.Country[u] == quota.Host);
        }
    }

    /// <summary>The tables of agent type <paramref name="t"/> (a type index).</summary>
    private void BuildType(int t, Scratch own)
    {
        var p = s.Policies;
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

    /// <summary>What one parallel build of <see cref="Rebuild"/> makes.</summary>
    private enum BuildKind
    {
        AgentType,
        Scholars,
        Scholarship,
        Quota,
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
            double v = terms.Of(o, i, english, Math.Max(0, cost) / budget) + (credit ? creditShift[(o * s.CountryCount) + h] : 0);
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
    private void BuildFunded(AliasTable table, int o, bool english, double[]? pairShift, Scratch own, Func<int, bool> eligible)
    {
        var u = s.Universities;
        var p = s.Policies;
        var candidates = own.Candidates;
        var weights = own.Weights;
        int n = 0;
        for (int i = 0; i < u.Count; i++)
        {
            int h = u.Country[i];
            if (h == o || !u.Active[i] || p.Closed[h] || p.ShockMultiplier[h] <= 0 || s.WorldYear.EntryOpen[h] <= 0 || u.ForeignSeatsAgents[i] <= 0 || !eligible(i))
            {
                continue;
            }

            candidates[n] = i;
            weights[n] = Math.Exp(terms.Of(o, i, english, relativeCost: 0) + (pairShift is null ? 0 : pairShift[(o * s.CountryCount) + h]));
            n++;
        }

        table.Build(candidates.AsSpan(0, n), weights.AsSpan(0, n));
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
        var candidates = new int[u.Count];
        var weights = new double[u.Count];
        for (int o = 0; o < s.CountryCount; o++)
        {
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
