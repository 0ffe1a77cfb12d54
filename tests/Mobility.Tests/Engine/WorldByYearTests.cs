namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Engine.State;
using Mobility.Input.Configuration;
using Mobility.Model.Metrics;
using Mobility.Model.Parameters;
using Mobility.Model.World;
using Mobility.Model.World.Series;
using Mobility.Model.World.Ties;

/// <summary>
/// The world's ties and series in behaviour (docs/ODD.md sections 7.1, 7.2, 7.4 and 7.6): the co-ethnic network is
/// present from the first year, Ukraine stops admitting new foreign students in 2022, the supply of foreign seats
/// binds only where a series sets it, and a branch campus does not lend its parent's rank to the host.
/// </summary>
public sealed class WorldByYearTests
{
    private static readonly ulong[] PairedSeeds = [11, 12, 13];

    [Fact]
    public void Removing_the_co_ethnic_tie_lowers_Uzbek_enrolment_in_Kyrgyzstan()
    {
        // About a million ethnic Uzbeks live in Kyrgyzstan (ties.csv). Without that row, and with the same seeds,
        // fewer Uzbek students choose Kyrgyzstan in every replication (by about 10% with the calibrated
        // choice:bDiaspora 0.05 and degreeMobility:aDiaspora 0.41: the tie acts mostly through the propensity to go abroad).
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=20", "scenario:endYear=2027");
        var world = loaded.World;
        int uzb = world.CountryIndex("UZB"), kgz = world.CountryIndex("KGZ");
        Assert.NotNull(world.Ties.CoEthnicPopulation(uzb, kgz));
        var without = WithoutTie(world, TieKind.CoEthnicPopulation, uzb, kgz);
        Assert.Null(without.Ties.CoEthnicPopulation(uzb, kgz));

        foreach (ulong seed in PairedSeeds)
        {
            double with = UzbeksInKyrgyzstan(Run(world, loaded.Settings, seed));
            double withoutTie = UzbeksInKyrgyzstan(Run(without, loaded.Settings, seed));
            Assert.True(withoutTie < with * 0.95, $"seed {seed}: {withoutTie:F0} Uzbek student-years in Kyrgyzstan without the co-ethnic tie, {with:F0} with it");
        }
    }

    [Fact]
    public void Ukraine_admits_no_new_foreign_students_from_2022()
    {
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=20", "scenario:endYear=2026");
        var run = new Simulation(loaded.World, loaded.Settings, new SimulationOptions { Threads = EngineTestKit.Threads, ReportFrom = 2018 }).Run();
        double before = run.Flows.Where(f => f.Destination == "UKR" && f.Year is >= 2018 and <= 2021).Sum(f => f.Persons);
        var after = run.Flows.Where(f => f.Destination == "UKR" && f.Year >= 2022 && f.Persons > 0).ToArray();
        Assert.True(before > 0, "students went to Ukraine before 2022, so the test could fail");
        Assert.True(after.Length == 0, $"new students in Ukraine from 2022: {string.Join(", ", after.Select(f => $"{f.Year} {f.Origin} {f.Kind} {f.Persons}"))}");

        // Those already enrolled are not expelled: Ukraine still has foreign students in 2022.
        Assert.True(run.Stocks.Where(s => s.Destination == "UKR" && s.Origin != "UKR" && s.Year == 2022).Sum(s => s.Students) > 0);
    }

    [Fact]
    public void A_seat_cap_binds_only_where_a_series_sets_it()
    {
        var loaded = EngineTestKit.Load("baseline");
        var world = loaded.World;
        var table = new UniversityTable(world, loaded.Settings.Policies);
        var supply = new SeatSupply(world, table, loaded.Settings.Admission);
        int kaz = world.CountryIndex("KAZ"), kgz = world.CountryIndex("KGZ"), uzb = world.CountryIndex("UZB");
        var multiplier = Enumerable.Repeat(1.0, world.Countries.Count).ToArray();
        double kgzBase = supply.Seats[kgz], uzbBase = supply.Seats[uzb];

        // Demand far above every host's seats, year after year.
        for (int year = 2015; year <= 2060; year++)
        {
            supply.Advance(year, scale: 1, multiplier);
            if (year <= 2024)
            {
                // Kazakhstan's seats are the series' (17700 in 2017-2018, 36000 in 2024) whatever the demand.
                Assert.Equal(world.ValueAt("KAZ", Model.World.Series.SeriesVariable.ForeignSeats, year), supply.Seats[kaz], 6);
            }
            else
            {
                // Afterwards they grow by the rule, never past the government's target (150000 from 2029).
                Assert.True(supply.Seats[kaz] <= 150000 + 1e-6, $"{year}: {supply.Seats[kaz]:F0} seats in Kazakhstan above the target");
            }

            Array.Fill(supply.Demand, 10_000_000L);
        }

        Assert.True(supply.Seats[kaz] > 149000, $"Kazakhstan's seats should reach the target under such demand: {supply.Seats[kaz]:F0}");
        // Kyrgyzstan and Uzbekistan have no seat series or target: their seats follow demand past universities.csv.
        Assert.True(supply.Seats[kgz] > 2 * kgzBase, $"Kyrgyzstan {supply.Seats[kgz]:F0} seats from {kgzBase:F0}");
        Assert.True(supply.Seats[uzb] > 2 * uzbBase, $"Uzbekistan {supply.Seats[uzb]:F0} seats from {uzbBase:F0}");
    }

    [Fact]
    public void Seats_follow_demand_and_do_not_shrink_without_it()
    {
        var loaded = EngineTestKit.Load("baseline");
        var world = loaded.World;
        var supply = new SeatSupply(world, new UniversityTable(world, loaded.Settings.Policies), loaded.Settings.Admission);
        int kgz = world.CountryIndex("KGZ");
        var multiplier = Enumerable.Repeat(1.0, world.Countries.Count).ToArray();
        supply.Advance(2030, scale: 10, multiplier);
        double start = supply.Seats[kgz];

        // Demand below the seats: nothing changes.
        supply.Demand[kgz] = (long)(start / 10 / 2);
        supply.Advance(2031, scale: 10, multiplier);
        Assert.Equal(start, supply.Seats[kgz]);

        // Demand 10000 persons above the seats: they grow by the host's rate times the excess.
        double rate = loaded.Settings.Admission.SeatExpansionRate * supply.FeeUsd[kgz] / (supply.FeeUsd[kgz] + loaded.Settings.Admission.FeeReferenceUsd);
        supply.Demand[kgz] = (long)((start + 10_000) / 10);
        double demand = supply.Demand[kgz] * 10.0;
        supply.Advance(2032, scale: 10, multiplier);
        Assert.Equal(start + (rate * (demand - start)), supply.Seats[kgz], 6);
        Assert.True(rate > 0 && rate < 1);
    }

    [Fact]
    public void Opening_a_branch_campus_does_not_change_the_hosts_best_rank()
    {
        // kz-education-export opens three branch campuses in Kazakhstan (2026-2028) ranked on their parents' scores.
        var run = EngineTestKit.Cached("kz-education-export", EngineTestKit.Coarse);
        var loaded = EngineTestKit.Load("kz-education-export", EngineTestKit.Coarse);
        var own = loaded.World.Universities.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        bool branchRanksBetter = false;
        for (int year = 2025; year <= 2032; year++)
        {
            var kaz = run.Universities.Where(u => u.Year == year && u.Country == "KAZ" && u.Rank is int).ToArray();
            int ownBest = kaz.Where(u => own.Contains(u.University)).Min(u => u.Rank!.Value);
            double reported = run.Metrics.Single(m => m.Year == year && m.Country == "KAZ" && m.Metric == "best_rank").Value;
            Assert.Equal(ownBest, reported);
            branchRanksBetter |= kaz.Any(u => !own.Contains(u.University) && u.Rank < ownBest);
        }

        Assert.True(branchRanksBetter, "a branch campus should rank above Kazakhstan's own best, so that the test could fail");
    }

    [Fact]
    public void Hosts_whose_exchange_scheme_pays_the_stay_receive_more_credit_students()
    {
        // Erasmus+ International Credit Mobility pays partner-country students' living costs in the programme
        // countries (series exchange_funding: Poland, Turkey, Germany, Lithuania, ...). Without those rows, and with the
        // same seeds, fewer Kazakh credit students go there in every replication.
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=20", "scenario:endYear=2027");
        var world = loaded.World;
        Assert.True(world.Series.Has(SeriesEntity.Country(world.CountryIndex("POL")), SeriesVariable.ExchangeFunding));
        var unfunded = new WorldData(world.Countries, world.Universities, world.Languages, world.VisaBarrier, world.BaselineImage, world.Agreement,
            new WorldSeries(AllPoints(world.Series).Where(p => p.Variable != SeriesVariable.ExchangeFunding)),
            world.Ties.Rows);
        string[] programmeHosts = ["POL", "TUR", "DEU", "LTU"];

        foreach (ulong seed in PairedSeeds)
        {
            double funded = KazakhCreditTo(Run(world, loaded.Settings, seed), programmeHosts);
            double without = KazakhCreditTo(Run(unfunded, loaded.Settings, seed), programmeHosts);
            Assert.True(funded > without * 1.2, $"seed {seed}: {funded:F0} Kazakh credit departures to the programme's hosts with Erasmus+ funding, {without:F0} without");
        }
    }

    [Fact]
    public void A_visa_barrier_series_sets_the_pairs_barrier_of_each_year()
    {
        // Uzbekistan and Tajikistan kept a visa regime until the 2018 agreement (series.csv visa_barrier); a pair
        // without a series keeps pairs.csv's barrier in every year.
        var world = EngineTestKit.Load("baseline").World;
        int uzb = world.CountryIndex("UZB"), tjk = world.CountryIndex("TJK"), kaz = world.CountryIndex("KAZ");
        var state = new Mobility.Model.Policies.PolicyState(world.Countries.Count);

        state.Reset(world, 2017, 0, _ => 1000);
        Assert.Equal(0.5, state.Visa[uzb, tjk]);
        Assert.Equal(world.VisaBarrier[uzb, kaz], state.Visa[uzb, kaz]);

        state.Reset(world, 2018, 0, _ => 1000);
        Assert.Equal(0.1, state.Visa[uzb, tjk], 12);
        Assert.Equal(world.VisaBarrier[uzb, tjk], state.Visa[uzb, tjk], 12);
    }

    [Fact]
    public void Uzbek_students_go_to_Tajikistan_once_the_visa_regime_ends()
    {
        // With the same seeds, a world that keeps the 2000-2018 visa regime between Uzbekistan and Tajikistan sends
        // fewer Uzbek degree students to Tajikistan in 2018-2021 than the world of series.csv, where it ends in 2018.
        var loaded = EngineTestKit.Load("baseline", "scenario:scale=20", "scenario:endYear=2026");
        var world = loaded.World;
        var pair = SeriesEntity.Pair(world.CountryIndex("UZB"), world.CountryIndex("TJK"));
        Assert.True(world.Series.Has(pair, SeriesVariable.VisaBarrier));
        var kept = new WorldData(world.Countries, world.Universities, world.Languages, world.VisaBarrier, world.BaselineImage, world.Agreement,
            new WorldSeries(AllPoints(world.Series).Where(p => !(p.Entity == pair && p.Variable == SeriesVariable.VisaBarrier))
                .Append((pair, SeriesVariable.VisaBarrier, new SeriesPoint(2017, 0.5)))),
            world.Ties.Rows);

        foreach (ulong seed in PairedSeeds)
        {
            double opened = UzbekDegreeEntrantsInTajikistan(Run(world, loaded.Settings, seed, reportFrom: 2018));
            double closed = UzbekDegreeEntrantsInTajikistan(Run(kept, loaded.Settings, seed, reportFrom: 2018));
            Assert.True(opened > closed * 1.2, $"seed {seed}: {opened:F0} Uzbek degree entrants in Tajikistan 2018-2021 without visas, {closed:F0} with the visa regime kept");
        }
    }

    private static double UzbekDegreeEntrantsInTajikistan(RunResult run)
        => run.Flows.Where(f => f.Origin == "UZB" && f.Destination == "TJK" && f.Kind == FlowKinds.Degree && f.Year is >= 2018 and <= 2021).Sum(f => f.Persons);

    private static IEnumerable<(SeriesEntity Entity, SeriesVariable Variable, SeriesPoint Point)> AllPoints(WorldSeries series)
        => Enum.GetValues<SeriesVariable>().SelectMany(v => series.Entities(v).SelectMany(e => series.Points(e, v).Select(p => (e, v, p))));

    private static double KazakhCreditTo(RunResult run, string[] hosts)
        => run.Flows.Where(f => f.Origin == "KAZ" && f.Kind == FlowKinds.Credit && hosts.Contains(f.Destination)).Sum(f => f.Persons);

    private static RunResult Run(WorldData world, ScenarioSettings settings, ulong seed, int? reportFrom = null)
        => new Simulation(world, settings, new SimulationOptions { Threads = EngineTestKit.Threads, Seed = seed, ReportFrom = reportFrom }).Run();

    private static double UzbeksInKyrgyzstan(RunResult run)
        => run.Stocks.Where(s => s.Origin == "UZB" && s.Destination == "KGZ").Sum(s => s.Students);

    private static WorldData WithoutTie(WorldData world, TieKind kind, int origin, int destination)
        => new(world.Countries, world.Universities, world.Languages, world.VisaBarrier, world.BaselineImage, world.Agreement, world.Series,
            world.Ties.Rows.Where(r => !(r.Kind == kind && r.Origin == origin && r.Destination == destination)).ToArray());
}
