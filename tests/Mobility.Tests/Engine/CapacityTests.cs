namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;
using Mobility.Model.Agents;

/// <summary>Admission never puts more foreign degree students into a university than it has foreign seats.</summary>
public sealed class CapacityTests
{
    // Admission gives each university max(0, seats - continuing foreign students) new places and decrements them as
    // it admits, so right after admission the university holds seats - seatsLeft foreign degree students; during the
    // rest of the year students only leave (graduates, dropouts; those who continue to the next level stay at the
    // same host). Hence at the end of every year: foreign degree students <= seats - seatsLeft <= seats.
    // At scale 20 the foreign seats of most popular hosts bind (RUS, KAZ and KGZ fill up during spin-up), which the
    // test requires, so that it could fail. kz-education-export adds seats every year and opens branch campuses.
    [Theory]
    [InlineData("baseline")]
    [InlineData("kz-education-export")]
    public void No_university_ever_holds_more_foreign_degree_students_than_its_seats(string scenario)
    {
        var loaded = EngineTestKit.Load(scenario, EngineTestKit.Coarse);
        var step = new YearStep(loaded.World, loaded.Settings, EngineTestKit.Threads, new Dictionary<string, double>());
        var s = step.State;
        var u = s.Universities;
        int bindingYears = 0;
        int maxFull = 0;
        for (int year = s.FirstYear; year <= loaded.Settings.Scenario.EndYear; year++)
        {
            step.Run(year);
            var foreign = new int[u.Count];
            var st = s.Students;
            for (int i = 0; i < st.Count; i++)
            {
                if (st.Status[i] == StudentStatus.DegreeAbroad)
                {
                    foreign[st.Host[i]]++;
                }
            }

            int full = 0;
            for (int j = 0; j < u.Count; j++)
            {
                int seats = u.ForeignSeatsAgents[j];
                int left = step.SeatsLeft[j];
                Assert.True(left >= 0, $"{year} {u.Id[j]}: {left} seats left");
                Assert.True(foreign[j] <= seats, $"{year} {u.Id[j]}: {foreign[j]} foreign degree students in {seats} foreign seats");
                Assert.True(foreign[j] <= seats - left, $"{year} {u.Id[j]}: {foreign[j]} foreign degree students, but admission left {left} of {seats} seats free");
                full += seats > 0 && left == 0 ? 1 : 0;
            }

            bindingYears += full > 0 ? 1 : 0;
            maxFull = Math.Max(maxFull, full);
        }

        Assert.True(bindingYears >= 5 && maxFull >= 10, $"seats should bind for the test to mean anything: {bindingYears} years with a full university, at most {maxFull} full at once");
    }
}
