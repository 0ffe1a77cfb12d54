namespace Mobility.Tests.Engine;

using Mobility.Engine.Agents;
using Mobility.Model.Agents;

/// <summary>The in-place compaction of the student arrays keeps, in order, exactly the slots that stay, in every column.</summary>
public sealed class CompactionTests
{
    private const byte Leaving = 4 | 8;

    // A column added to StudentPopulation but not to the compaction would keep stale values in compacted slots;
    // this fails first, naming the column.
    [Fact]
    public void Compaction_moves_every_column_of_the_student_population()
    {
        var columns = typeof(StudentPopulation).GetProperties()
            .Where(p => p.PropertyType.IsArray)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(columns, StudentCompaction.Columns.Order(StringComparer.Ordinal));
    }

    // Lengths around the vector widths (16, 32 and 64 slots) exercise the vector passes and their scalar tails; the
    // ranges are moved one after the other, each into the room the ones before left, as the study pass moves its chunks.
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(15, 1)]
    [InlineData(17, 5)]
    [InlineData(63, 64)]
    [InlineData(64, 16)]
    [InlineData(129, 33)]
    [InlineData(5000, 700)]
    [InlineData(5000, 5000)]
    public void Compaction_range_by_range_keeps_the_staying_slots_in_order(int count, int range)
    {
        var random = new Random(count);
        var students = new StudentPopulation(count);
        var flags = new byte[count];
        for (int i = 0; i < count; i++)
        {
            // Runs of leavers and of stayers, as whole cohorts graduate, with scattered dropouts in between.
            flags[i] = (byte)(((i / 7) % 3 == 0 ? 8 : 0) | (random.Next(10) == 0 ? 4 : 0) | (random.Next(2) == 0 ? 32 : 0) | (i % 3));
            students.Flags[i] = flags[i];
            students.Id[i] = 1_000_000 + i;
            students.Origin[i] = (byte)(i % 251);
            students.Home[i] = (short)(i % 30_000);
            students.Host[i] = (short)(-i % 30_000);
            students.Level[i] = (StudyLevel)(i % 3);
            students.Status[i] = (StudentStatus)(i % 3);
            students.YearInProgramme[i] = (byte)(i % 7);
            students.Funding[i] = (Funding)(i % 2);
            students.Obligation[i] = (byte)(i % 5);
            students.AbroadCountry[i] = (byte)(i % 11);
            students.Ability[i] = i * 0.5f;
            students.Resources[i] = i * 0.25f;
            students.Skill[i] = i * 2f;
            students.Attitude[i] = -i;
        }

        var staying = Enumerable.Range(0, count).Where(i => (flags[i] & Leaving) == 0).ToArray();

        int kept = 0;
        for (int start = 0; start < count; start += range)
        {
            kept += StudentCompaction.CompactRange(students, kept, start, Math.Min(count, start + range), Leaving);
        }

        Assert.Equal(staying.Length, kept);
        for (int k = 0; k < staying.Length; k++)
        {
            int i = staying[k];
            Assert.Equal(1_000_000 + i, students.Id[k]);
            Assert.Equal((byte)(i % 251), students.Origin[k]);
            Assert.Equal((short)(i % 30_000), students.Home[k]);
            Assert.Equal((short)(-i % 30_000), students.Host[k]);
            Assert.Equal((StudyLevel)(i % 3), students.Level[k]);
            Assert.Equal((StudentStatus)(i % 3), students.Status[k]);
            Assert.Equal((byte)(i % 7), students.YearInProgramme[k]);
            Assert.Equal((Funding)(i % 2), students.Funding[k]);
            Assert.Equal((byte)(i % 5), students.Obligation[k]);
            Assert.Equal((byte)(i % 11), students.AbroadCountry[k]);
            Assert.Equal(i * 0.5f, students.Ability[k]);
            Assert.Equal(i * 0.25f, students.Resources[k]);
            Assert.Equal(i * 2f, students.Skill[k]);
            Assert.Equal(-i, students.Attitude[k]);
            Assert.Equal(flags[i], students.Flags[k]);
        }
    }
}
