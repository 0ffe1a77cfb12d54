namespace Mobility.Tests.Engine;

using Mobility.Engine.Kernel;
using Mobility.Model.Agents;

/// <summary>How the student arrays are sized and grown: once per run, keeping the rows in use.</summary>
public sealed class StudentStorageTests
{
    // Growing reallocates every column; the rows in use must survive (only they are copied, the rest is undefined).
    [Fact]
    public void Growing_the_population_keeps_the_rows_in_use()
    {
        var students = new StudentPopulation(1024);
        students.Count = 3;
        for (int i = 0; i < 3; i++)
        {
            students.Id[i] = 100 + i;
            students.Origin[i] = (byte)(i + 1);
            students.Host[i] = (short)(10 * i);
            students.Level[i] = StudyLevel.Master;
            students.Skill[i] = 0.25f * i;
        }

        students.EnsureCapacity(5000);

        Assert.True(students.Id.Length >= 5000);
        Assert.All(typeof(StudentPopulation).GetProperties().Where(p => p.PropertyType.IsArray),
            p => Assert.Equal(students.Id.Length, ((Array)p.GetValue(students)!).Length));
        Assert.Equal([100, 101, 102], students.Id[..3]);
        Assert.Equal([1, 2, 3], students.Origin[..3]);
        Assert.Equal([0, 10, 20], students.Host[..3]);
        Assert.All(students.Level[..3], level => Assert.Equal(StudyLevel.Master, level));
        Assert.Equal([0f, 0.25f, 0.5f], students.Skill[..3]);
    }

    // The arrays are sized for the members' enrolment grown to the run's last year, with room for a year's entrants,
    // so a run never reallocates them (a reallocation holds old and new columns side by side at the peak). The run
    // goes to the scenario's last year (2040): sized for today's enrolment, the arrays were outgrown in 2034.
    [Theory]
    [InlineData("baseline")]
    [InlineData("kz-education-export")]
    public void A_run_allocates_the_student_arrays_once(string scenario)
    {
        var loaded = EngineTestKit.Load(scenario, ["scenario:scale=20"]);
        var step = new YearStep(loaded.World, loaded.Settings, EngineTestKit.Threads, new Dictionary<string, double>());
        var s = step.State;
        var ids = s.Students.Id;
        int peak = 0;
        for (int year = s.FirstYear; year <= loaded.Settings.Scenario.EndYear; year++)
        {
            step.Run(year);
            peak = Math.Max(peak, s.Students.Count);
        }

        Assert.Same(ids, s.Students.Id);
        Assert.True(peak > ids.Length / 2, $"peak {peak} of {ids.Length} slots: the arrays are oversized");
    }
}
