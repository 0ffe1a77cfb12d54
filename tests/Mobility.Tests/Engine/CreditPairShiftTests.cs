namespace Mobility.Tests.Engine;

using Mobility.Engine.Measurement;
using Mobility.Model.Metrics;

/// <summary>
/// creditMobility:pairShift is an origin-destination constant of the credit-stay choice only (docs/ODD.md 7.5): with
/// the same seed, it sends more of the origin's credit students to its destination and leaves every degree flow as
/// it was (degree choices do not see it); choice:scholarshipPairShift likewise enters only the national-scholarship
/// holders' choice among the programme's destinations.
/// </summary>
public sealed class CreditPairShiftTests
{
    private static double Flow(RunResult run, string kind, string origin, string destination)
        => EngineTestKit.FlowSum(run, kind, 2025, 2032, (o, d) => o == origin && d == destination);

    /// <summary>
    /// A credit stay's alumni count as alumni of the host (ODD 4, "Alumni"), whose network and image enter the degree
    /// choice and the propensity a year later: switched off here, so that the paired runs differ only by the constant's own reach.
    /// </summary>
    private static readonly string[] NoAlumniChannels = ["choice:bNetwork=0", "choice:bImage=0", "degreeMobility:aNetwork=0"];

    [Fact]
    public void A_credit_pair_constant_moves_its_pairs_credit_flows_and_leaves_its_degree_flows_unchanged()
    {
        var plain = EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse, .. NoAlumniChannels, "creditMobility:pairShift:KAZ:TUR=0"]);
        var shifted = EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse, .. NoAlumniChannels, "creditMobility:pairShift:KAZ:TUR=2"]);

        double before = Flow(plain, FlowKinds.Credit, "KAZ", "TUR"), after = Flow(shifted, FlowKinds.Credit, "KAZ", "TUR");
        Assert.True(after > 2 * before, $"KAZ->TUR credit {before} -> {after}");
        Assert.True(Flow(shifted, FlowKinds.Credit, "KAZ", "RUS") < Flow(plain, FlowKinds.Credit, "KAZ", "RUS"), "the other destinations of Kazakh credit students lose");
        Assert.Equal(Flow(plain, FlowKinds.Degree, "KAZ", "TUR"), Flow(shifted, FlowKinds.Degree, "KAZ", "TUR"));
        Assert.Equal(
            plain.Flows.Where(f => f.Kind == FlowKinds.Degree).Sum(f => f.Persons),
            shifted.Flows.Where(f => f.Kind == FlowKinds.Degree).Sum(f => f.Persons));
    }

    [Fact]
    public void A_scholarship_pair_constant_moves_holders_among_the_programmes_destinations_only()
    {
        var plain = EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse, .. NoAlumniChannels, "choice:scholarshipPairShift:KAZ:DEU=0"]);
        var shifted = EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse, .. NoAlumniChannels, "choice:scholarshipPairShift:KAZ:DEU=-3"]);

        double before = Flow(plain, FlowKinds.NationalScholarship, "KAZ", "DEU"), after = Flow(shifted, FlowKinds.NationalScholarship, "KAZ", "DEU");
        Assert.True(after < before / 3, $"KAZ->DEU Bolashak holders {before} -> {after}");
        // The awards are the same; a holder who now lists other universities can find their seats taken (a few of 7,500).
        double awards = plain.Flows.Where(f => f.Kind == FlowKinds.NationalScholarship && f.Origin == "KAZ").Sum(f => f.Persons);
        Assert.InRange(shifted.Flows.Where(f => f.Kind == FlowKinds.NationalScholarship && f.Origin == "KAZ").Sum(f => f.Persons), 0.98 * awards, awards);

        // Credit choices do not see the constant: the Kazakh credit stays in Germany move only through the seats (exchange
        // seats are a share of a university's foreign seats, which follow the demand the holders are part of: ODD 7.6),
        // by far less than the holders moved.
        double creditBefore = Flow(plain, FlowKinds.Credit, "KAZ", "DEU"), creditAfter = Flow(shifted, FlowKinds.Credit, "KAZ", "DEU");
        Assert.True(
            Math.Abs(creditAfter - creditBefore) <= 0.02 * creditBefore && Math.Abs(creditAfter - creditBefore) <= 0.1 * (before - after),
            $"KAZ->DEU credit {creditBefore} -> {creditAfter}, holders {before} -> {after}");
    }
}
