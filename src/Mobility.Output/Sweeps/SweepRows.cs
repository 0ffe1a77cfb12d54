namespace Mobility.Output.Sweeps;

using Mobility.Engine.Measurement;
using Mobility.Experiments.Sweeps;

/// <summary>
/// Rows of a shard file in long form, held column by column: run_id, one column per parameter, year, country,
/// metric, value.
/// </summary>
public sealed class SweepRows
{
    public SweepRows(IReadOnlyList<string> parameterNames)
    {
        ParameterNames = parameterNames;
        Parameters = parameterNames.Select(_ => new List<double>()).ToArray();
    }

    public IReadOnlyList<string> ParameterNames { get; }

    public List<int> RunId { get; } = [];

    public List<double>[] Parameters { get; }

    public List<int> Year { get; } = [];

    public List<string> Country { get; } = [];

    public List<string> Metric { get; } = [];

    public List<double> Value { get; } = [];

    public int Count => RunId.Count;

    /// <summary>Adds a finished run's kept measurements with its parameter values.</summary>
    public void Add(PlannedRun run, IReadOnlyList<double> values, IEnumerable<MetricRecord> records)
    {
        foreach (MetricRecord r in records)
        {
            RunId.Add(run.RunId);
            for (int p = 0; p < Parameters.Length; p++)
            {
                Parameters[p].Add(values[p]);
            }

            Year.Add(r.Year);
            Country.Add(r.Country);
            Metric.Add(r.Metric);
            Value.Add(r.Value);
        }
    }

    /// <summary>Appends row <paramref name="row"/> of <paramref name="other"/> (same parameters).</summary>
    public void AddRow(SweepRows other, int row)
    {
        RunId.Add(other.RunId[row]);
        for (int p = 0; p < Parameters.Length; p++)
        {
            Parameters[p].Add(other.Parameters[p][row]);
        }

        Year.Add(other.Year[row]);
        Country.Add(other.Country[row]);
        Metric.Add(other.Metric[row]);
        Value.Add(other.Value[row]);
    }
}
