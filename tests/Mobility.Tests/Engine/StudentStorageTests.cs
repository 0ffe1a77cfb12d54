namespace Mobility.Tests.Engine;

using System.Globalization;
using System.Runtime.InteropServices;
using Mobility.Engine.Kernel;
using Mobility.Engine.State;
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

    // The columns are advised transparent huge pages (HugePages): where Linux offers them on advice (mode madvise or
    // always), the whole 2 MiB pages of a large column are eligible in /proc/self/smaps afterwards, and the advice
    // changes no value. Elsewhere the call does nothing, and only the values are checked.
    [Fact]
    public void Huge_page_advice_marks_the_columns_eligible_and_keeps_their_values()
    {
        var students = new StudentPopulation(4_000_000);
        students.Count = 1000;
        for (int i = 0; i < students.Count; i++)
        {
            students.Id[i] = 7 * i;
            students.Skill[i] = i / 8f;
        }

        HugePages.Advise(students, students.Id.Length);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => 7 * i), students.Id[..1000]);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i / 8f), students.Skill[..1000]);
        const string mode = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (!OperatingSystem.IsLinux() || !File.Exists(mode) || File.ReadAllText(mode).Contains("[never]", StringComparison.Ordinal))
        {
            return;
        }

        // The middle of the 16 MB id column lies inside one of its whole 2 MiB pages.
        var handle = GCHandle.Alloc(students.Id, GCHandleType.Pinned);
        long middle;
        try
        {
            middle = handle.AddrOfPinnedObject() + (students.Id.Length * sizeof(int) / 2);
        }
        finally
        {
            handle.Free();
        }

        string? eligible = null;
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-');
            int space = line.IndexOf(' ');
            if (dash > 0 && space > dash && long.TryParse(line[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long from)
                && long.TryParse(line[(dash + 1)..space], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long to))
            {
                inside = from <= middle && middle < to;
            }
            else if (inside && line.StartsWith("THPeligible:", StringComparison.Ordinal))
            {
                eligible = line["THPeligible:".Length..].Trim();
            }
        }

        Assert.Equal("1", eligible);
    }
}
