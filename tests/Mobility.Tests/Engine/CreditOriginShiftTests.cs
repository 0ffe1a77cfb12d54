namespace Mobility.Tests.Engine;

using Mobility.Model.Metrics;

/// <summary>
/// creditMobility:originShift is a fixed effect of one origin in the credit logit (docs/ODD.md 7.5): it raises that
/// origin's credit departures; others compete with them only for exchange seats.
/// </summary>
public sealed class CreditOriginShiftTests
{
    [Fact]
    public void A_credit_shift_for_Kazakhstan_raises_Kazakh_credit_departures_only()
    {
        var plain = EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse, "creditMobility:originShift:KAZ=0"]);
        var shifted = EngineTestKit.Cached("baseline", [.. EngineTestKit.Coarse, "creditMobility:originShift:KAZ=2"]);
        double Credit(Mobility.Engine.Measurement.RunResult run, string origin)
            => EngineTestKit.FlowSum(run, FlowKinds.Credit, 2025, 2032, (o, _) => o == origin);

        Assert.True(Credit(shifted, "KAZ") > 3 * Credit(plain, "KAZ"), $"KAZ credit {Credit(plain, "KAZ")} -> {Credit(shifted, "KAZ")}");
        Assert.True(Credit(shifted, "UZB") <= 1.1 * Credit(plain, "UZB"), $"UZB credit {Credit(plain, "UZB")} -> {Credit(shifted, "UZB")}");
    }
}
