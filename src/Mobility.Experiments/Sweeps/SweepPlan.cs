namespace Mobility.Experiments.Sweeps;

/// <summary>
/// The runs of a sweep: parameter points (as unit-cube coordinates, for the sensitivity estimators, and as values)
/// and, per point, one run per replicate. Run ids are dense and point-major: run = point * replications + replicate.
/// </summary>
public sealed class SweepPlan
{
    public SweepPlan(SweepDesign design, double[][] unitPoints, double[][] values)
    {
        Design = design;
        UnitPoints = unitPoints;
        Values = values;
        var runs = new PlannedRun[checked(values.Length * design.Replications)];
        for (int p = 0; p < values.Length; p++)
        {
            for (int r = 0; r < design.Replications; r++)
            {
                int id = p * design.Replications + r;
                runs[id] = new PlannedRun(id, p, r, design.RunSeed(r));
            }
        }

        Runs = runs;
    }

    public SweepDesign Design { get; }

    /// <summary>Per point, its coordinates in [0, 1]^k (for a grid: level / (levels - 1)).</summary>
    public IReadOnlyList<double[]> UnitPoints { get; }

    /// <summary>Per point, the value of each parameter, in the design's parameter order.</summary>
    public IReadOnlyList<double[]> Values { get; }

    public IReadOnlyList<PlannedRun> Runs { get; }

    public int PointCount => Values.Count;

    /// <summary>The <c>path=value</c> overrides of a point's varied parameters (the design's fixed sets are part of its base).</summary>
    public IReadOnlyList<string> SetsFor(int point) => Design.Parameters.Select((p, i) => p.Set(Values[point][i])).ToArray();
}
