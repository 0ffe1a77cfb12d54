namespace Mobility.Tests.Engine;

using Mobility.Engine.Agents;
using Mobility.Model.Agents;

/// <summary>The parallel compaction of the student arrays moves every column the population has.</summary>
public sealed class CompactionTests
{
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
}
