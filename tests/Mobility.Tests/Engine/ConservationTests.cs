namespace Mobility.Tests.Engine;

/// <summary>Agents are never created or lost except by entry: the population ledger balances every year.</summary>
public sealed class ConservationTests
{
    // Every agent enters once (a Bachelor cohort of a member or an admitted external candidate) and is then, at the
    // end of each year, in exactly one place: still studying, a mobile alumnus, a domestic alumnus or a dropout.
    // Level transitions (Bachelor -> Master -> PhD) keep the same agent, so they add nothing to Entered. The ledger
    // covers spin-up years too, and the three scenarios exercise admissions, grants, joint degrees and a shock.
    [Theory]
    [InlineData("baseline")]
    [InlineData("ucahes-full")]
    [InlineData("russia-shock")]
    public void Every_simulated_year_balances_the_population_ledger(string scenario)
    {
        var loaded = EngineTestKit.Load(scenario, EngineTestKit.Coarse);
        var run = EngineTestKit.Cached(scenario, EngineTestKit.Coarse);
        var info = loaded.Settings.Scenario;
        int first = info.StartYear - info.SpinUpYears;

        Assert.Equal(info.EndYear - first + 1, run.Ledger.Count);
        for (int i = 0; i < run.Ledger.Count; i++)
        {
            var year = run.Ledger[i];
            Assert.Equal(first + i, year.Year);
            Assert.True(
                year.Balanced,
                $"{scenario} {year.Year}: entered {year.Entered} != active {year.ActiveStudents} + mobile alumni {year.MobileAlumni} "
                + $"+ domestic alumni {year.DomesticAlumni} + dropouts {year.Dropouts} (difference "
                + $"{year.Entered - year.ActiveStudents - year.MobileAlumni - year.DomesticAlumni - year.Dropouts})");
            Assert.True(year.ActiveStudents > 0 && year.Scholars > 0, $"{scenario} {year.Year}: no students or scholars");
            if (i > 0)
            {
                // A new cohort enters every year, and nobody ever leaves the ledger.
                var before = run.Ledger[i - 1];
                Assert.True(year.Entered > before.Entered, $"{scenario} {year.Year}: entered {year.Entered} did not grow from {before.Entered}");
                Assert.True(year.MobileAlumni >= before.MobileAlumni && year.DomesticAlumni >= before.DomesticAlumni && year.Dropouts >= before.Dropouts,
                    $"{scenario} {year.Year}: alumni or dropouts decreased ({before} -> {year})");
                Assert.Equal(before.Scholars, year.Scholars);
            }
        }
    }
}
