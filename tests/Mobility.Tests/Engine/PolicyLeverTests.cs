namespace Mobility.Tests.Engine;

using Mobility.Engine.Measurement;
using Mobility.Model.Metrics;
using Xunit.Abstractions;

/// <summary>
/// Each policy lever moves its indicator the right way. A scenario is compared with the baseline under the same
/// seed (common random numbers): every agent draws the same numbers in both runs, so the difference is the lever's
/// effect and not sampling noise. Each effect is also required to be several times larger than the noise, measured
/// as the difference between the baseline under two seeds (an upper bound for the noise of a paired comparison).
/// </summary>
public sealed class PolicyLeverTests
{
    private const int LastYear = 2032;

    private readonly ITestOutputHelper output;

    public PolicyLeverTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    private static RunResult Baseline => EngineTestKit.Cached("baseline", EngineTestKit.Coarse);

    private static RunResult BaselineOtherSeed => EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse, "scenario:seed=2"]);

    // Regional grants fund credit stays at member universities (and raise the probability of going at all), and
    // ucahes-full adds region-wide recognition (agreements between all members) on top: credit mobility inside the
    // region from 2027 must rise well above the baseline's few bilateral exchanges.
    [Fact]
    public void Regional_grants_raise_intra_regional_credit_mobility()
    {
        static double Credit(RunResult r) => EngineTestKit.FlowSum(r, "credit", 2027, LastYear, (o, h) => EngineTestKit.IsMember(o) && EngineTestKit.IsMember(h));
        var full = EngineTestKit.Cached("ucahes-full", EngineTestKit.Coarse);

        // The grants alone, without recognition: 3000 credit grants a year per member from 2027.
        var grants = EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse,
            "policies:regionalMobilityGrants:t:start=2027", "policies:regionalMobilityGrants:t:grantsPerYear=3000", "policies:regionalMobilityGrants:t:kind=credit"]);

        AssertSameUntil(full, 2026, "ucahes-full");
        AssertSameUntil(grants, 2026, "baseline + grants");
        AssertRaises(Credit, full, "intra-regional credit flows 2027-2032, ucahes-full", minimumRatio: 2);
        AssertRaises(Credit, grants, "intra-regional credit flows 2027-2032, baseline + credit grants", minimumRatio: 2);
    }

    // The shock multiplies Russia's attractiveness in every choice by 0.3 from 2026 to 2030: fewer students should
    // list Russian universities, and so fewer should go there.
    [Fact]
    public void A_destination_shock_lowers_degree_flows_to_Russia_during_the_shock()
    {
        static double ToRussia(RunResult r) => EngineTestKit.FlowSum(r, "degree", 2026, 2030, (_, h) => h == "RUS");
        var shock = EngineTestKit.Cached("russia-shock", EngineTestKit.Coarse);

        AssertSameUntil(shock, 2025, "russia-shock");
        AssertLowers(ToRussia, shock, "degree flows to RUS 2026-2030, russia-shock", maximumRatio: 0.9);
    }

    // A closed destination admits nobody while the shock lasts (its seats are zero and it leaves every choice set);
    // this pins that the shock does reach admissions, whatever the multiplier's effect on flows.
    [Fact]
    public void A_closed_destination_admits_nobody_while_closed()
    {
        var closed = EngineTestKit.Cached("russia-shock", [.. EngineTestKit.Coarse, "policies:destinationShock:russia-2026:closed=true"]);

        double during = EngineTestKit.FlowSum(closed, "degree", 2026, 2030, (_, h) => h == "RUS");
        double after = EngineTestKit.FlowSum(closed, "degree", 2031, LastYear, (_, h) => h == "RUS");
        output.WriteLine($"degree flows to RUS with Russia closed 2026-2030: {during:N0} during, {after:N0} in 2031-{LastYear}");
        Assert.Equal(0, during);
        Assert.True(after > 0, "flows to RUS should resume when the closure ends");
    }

    // A graduate abroad returns with probability sigmoid(g0 + ... + gObligation*[has obligation] ...), gObligation = 4:
    // the bolashak-expansion scenario funds about 3000 Kazakh students a year with a five-year obligation, so with the
    // obligation Kazakhstan's return rate over the horizon must be clearly higher than without it.
    [Fact]
    public void A_return_obligation_raises_the_return_rate()
    {
        static double ReturnRate(RunResult r)
        {
            double returnees = EngineTestKit.MetricSum(r, "KAZ", MetricCatalogue.Returnees.Name);
            return returnees / (returnees + EngineTestKit.MetricSum(r, "KAZ", MetricCatalogue.BrainDrain.Name));
        }

        var with = EngineTestKit.Cached("bolashak-expansion", EngineTestKit.Coarse);
        var without = EngineTestKit.Cached("bolashak-expansion", [.. EngineTestKit.Coarse,
            "policies:nationalScholarship:bolashak:returnObligationYears=0", "policies:nationalScholarship:bolashak-expansion:returnObligationYears=0"]);

        double effect = ReturnRate(with) - ReturnRate(without);
        double noise = Math.Abs(ReturnRate(Baseline) - ReturnRate(BaselineOtherSeed));
        output.WriteLine($"KAZ return rate 2025-{LastYear}: {ReturnRate(with):F4} with a 5-year obligation, {ReturnRate(without):F4} without; seed noise {noise:F4}");
        Assert.True(effect > 0.02, $"the obligation should raise KAZ's return rate by more than 0.02: {ReturnRate(with):F4} with vs {ReturnRate(without):F4} without");
        Assert.True(effect > 3 * noise, $"effect {effect:F4} is not clearly above the seed noise {noise:F4}");
    }

    // Visa facilitation cuts the visa barrier between members by 90%, and the barrier enters every member's choice
    // utility with weight bVisa: member universities gain choice share, so degree flows between members rise.
    [Fact]
    public void Visa_facilitation_raises_degree_flows_between_members()
    {
        static double Intra(RunResult r) => EngineTestKit.FlowSum(r, "degree", 2025, LastYear, (o, h) => EngineTestKit.IsMember(o) && EngineTestKit.IsMember(h));
        var visa = EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse, "policies:visaFacilitation:t:start=2025", "policies:visaFacilitation:t:reduction=0.9"]);

        AssertRaises(Intra, visa, "degree flows between members 2025-2032, visa facilitation", minimumRatio: 1.03);
    }

    // Post-study work rights enter a graduate abroad's return logit as -gPsw*postStudyWork(host), gPsw = 1.5:
    // Kazakhstan opening its rights fully from 2025 (0.30 in the world data) keeps more of the members' graduates
    // who studied there, so its brain gain over the horizon must rise well above the baseline's.
    [Fact]
    public void Opening_post_study_work_rights_raises_the_hosts_brain_gain()
    {
        static double BrainGain(RunResult r) => EngineTestKit.MetricSum(r, "KAZ", MetricCatalogue.BrainGain.Name);
        var open = EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse,
            "policies:postStudyWorkRights:t:country=KAZ", "policies:postStudyWorkRights:t:start=2025", "policies:postStudyWorkRights:t:level=1"]);

        AssertRaises(BrainGain, open, "KAZ brain gain 2025-2032, post-study work rights 0.3 -> 1", minimumRatio: 1.2);
    }

    // The law behind the lever: with common random numbers, everything before graduation in the lever's first year
    // is the same at any level, and a graduate abroad in the host stays when its draw is at least the return
    // probability, which falls as the level rises. So in that year, for any two levels, the higher one never sends
    // more graduates home (returnees) nor keeps fewer abroad (brain drain), for every member. Levels are drawn at random.
    [Fact]
    public void More_open_post_study_work_rights_never_send_more_graduates_home()
    {
        const int Start = 2026;
        var random = new System.Random(14);
        double[] levels = [0, .. Enumerable.Range(0, 3).Select(_ => Math.Round(random.NextDouble(), 3)), 1];
        var runs = levels.Order().Select(level => (Level: level, Run: EngineTestKit.Run(EngineTestKit.Load("baseline",
            "scenario:scale=20", $"scenario:endYear={Start}", "policies:postStudyWorkRights:t:country=RUS",
            $"policies:postStudyWorkRights:t:start={Start}", $"policies:postStudyWorkRights:t:level={level.ToString(System.Globalization.CultureInfo.InvariantCulture)}")))).ToList();

        double Value(RunResult run, string country, string metric) => run.Metrics.Single(m => m.Year == Start && m.Country == country && m.Metric == metric).Value;
        for (int k = 1; k < runs.Count; k++)
        {
            var (lower, higher) = (runs[k - 1], runs[k]);
            foreach (string o in EngineTestKit.Members)
            {
                Assert.True(Value(higher.Run, o, MetricCatalogue.Returnees.Name) <= Value(lower.Run, o, MetricCatalogue.Returnees.Name),
                    $"{o}: returnees {Value(higher.Run, o, MetricCatalogue.Returnees.Name):N0} at RUS level {higher.Level} > {Value(lower.Run, o, MetricCatalogue.Returnees.Name):N0} at {lower.Level}");
                Assert.True(Value(higher.Run, o, MetricCatalogue.BrainDrain.Name) >= Value(lower.Run, o, MetricCatalogue.BrainDrain.Name),
                    $"{o}: brain drain {Value(higher.Run, o, MetricCatalogue.BrainDrain.Name):N0} at RUS level {higher.Level} < {Value(lower.Run, o, MetricCatalogue.BrainDrain.Name):N0} at {lower.Level}");
            }
        }

        double drain(RunResult run) => EngineTestKit.Members.Sum(o => Value(run, o, MetricCatalogue.BrainDrain.Name));
        output.WriteLine($"members' brain drain {Start} by RUS post-study work level: {string.Join(", ", runs.Select(r => $"{r.Level}: {drain(r.Run):N0}"))}");
        Assert.True(drain(runs[^1].Run) > drain(runs[0].Run), "opening Russia's rights fully should keep some graduates who would have returned");
    }

    private void AssertRaises(Func<RunResult, double> indicator, RunResult scenario, string what, double minimumRatio)
    {
        var (value, reference, noise) = Measure(indicator, scenario, what);
        Assert.True(value >= minimumRatio * reference, $"{what}: {value:N0} should be at least {minimumRatio} x the baseline's {reference:N0}");
        Assert.True(value - reference > 3 * noise, $"{what}: effect {value - reference:N0} is not clearly above the seed noise {noise:N0}");
    }

    private void AssertLowers(Func<RunResult, double> indicator, RunResult scenario, string what, double maximumRatio)
    {
        var (value, reference, noise) = Measure(indicator, scenario, what);
        Assert.True(value <= maximumRatio * reference, $"{what}: {value:N0} should be at most {maximumRatio} x the baseline's {reference:N0}");
        Assert.True(reference - value > 3 * noise, $"{what}: effect {reference - value:N0} is not clearly above the seed noise {noise:N0}");
    }

    private (double Value, double Reference, double Noise) Measure(Func<RunResult, double> indicator, RunResult scenario, string what)
    {
        double value = indicator(scenario);
        double reference = indicator(Baseline);
        double noise = Math.Abs(reference - indicator(BaselineOtherSeed));
        output.WriteLine($"{what}: {value:N0} vs baseline {reference:N0} (ratio {value / reference:F3}); baseline seed 2 differs by {noise:N0}");
        return (value, reference, noise);
    }

    /// <summary>
    /// Before a lever starts, the scenario and the baseline are the same model with the same random numbers, so the
    /// reported years must be identical: this is what makes the later difference the lever's effect.
    /// </summary>
    private static void AssertSameUntil(RunResult scenario, int lastYear, string name)
    {
        EngineTestKit.AssertIdentical(
            Baseline.Flows.Where(f => f.Year <= lastYear).ToList(), scenario.Flows.Where(f => f.Year <= lastYear).ToList(), $"{name} vs baseline flows up to {lastYear}");
        EngineTestKit.AssertIdentical(
            Baseline.Stocks.Where(f => f.Year <= lastYear).ToList(), scenario.Stocks.Where(f => f.Year <= lastYear).ToList(), $"{name} vs baseline stocks up to {lastYear}");
    }
}
